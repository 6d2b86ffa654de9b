package org.dit.projections;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.dit.query.admin.Projections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Poison events: each projection parks an event it cannot apply in Axon's JDBC dead-letter queue (table
 * dead_letter_entry, migration V8) and goes on with the rest of the stream; the episode's later events queue behind the
 * parked one (sequenced per aggregate, Axon's default policy). Axon's Spring Boot support builds the queues
 * ({@code axon.eventhandling.processors.<name>.dlq.enabled} in application.yml) with the schema below and this
 * service's Jackson serialisers (the {@code eventSerializer} bean for events and diagnostics, the primary
 * {@code serializer} for tracking tokens), never XStream. The audit hash chain has no dead-letter queue on purpose: a
 * chain that skipped an event would certify a log it never saw whole; it stops and retries instead, and falls visibly
 * behind ({@code eventProcessor_latency{processorName="audit-chain"}}, {@code GET /api/audit/verify}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

    /** Per segment, sequences (episodes) known not to be parked; the queue is asked again only for the others. */
    static final int SEQUENCE_CACHE_SIZE = 1024;

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    PoisonEventIsolation poisonEventIsolation(Projections projections, ObjectProvider<PlatformTransactionManager> transactions) {
        return new PoisonEventIsolation(new HashSet<>(projections.names()), ReadModelProcessor.NAME, transactions);
    }

    /**
     * For each projection: which failures park an event; the sequence cache, so that a healthy stream costs no query
     * per event. A replay of a read model empties its queue (the replay applies those events again, and would otherwise
     * park every event of a parked episode behind letters it has just re-applied); that is done by ProjectionAdmin,
     * not by the invoker's reset, because a reset of the shared processor reaches every read model's invoker, and the
     * queues of the read models not rebuilt must stay. Retries of parked letters run each letter in
     * a savepoint of the retry's transaction (nested propagation): with Axon's default (join the transaction) one
     * failed letter would mark the whole retry rollback-only and lose its requeue. The cache is set here rather than
     * with {@code dlq.cache.*}: Boot registers its cache setting as the same per-processor invoker configuration, and
     * the last registration would silently replace the other.
     */
    @Bean
    ConfigurerModule projectionDeadLetters(Projections projections, ObjectProvider<PlatformTransactionManager> transactions) {
        return configurer -> {
            for (String projection : projections.names()) {
                configurer.eventProcessing()
                        .registerDeadLetterPolicy(projection, config -> new ProjectionDeadLetterPolicy(projection))
                        .registerDeadLetteringEventHandlerInvokerConfiguration(projection, (config, invoker) -> invoker
                                .enableSequenceIdentifierCache()
                                .sequenceIdentifierCacheSize(SEQUENCE_CACHE_SIZE)
                                .allowReset(false)
                                .transactionManager(new SpringTransactionManager(transactions.getObject(),
                                        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED))));
            }
        };
    }
}
