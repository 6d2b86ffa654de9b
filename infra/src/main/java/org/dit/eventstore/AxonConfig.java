package org.dit.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.dit.personaldata.DataSubjects;
import org.dit.personaldata.PersonalDataCipher;
import org.dit.personaldata.PersonalDataSerializer;
import org.dit.query.admin.EventPositions;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.tracing.SpanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store's own serialisation and table names. The ObjectMapper here is deliberately not a Spring bean:
 * web-layer JSON settings can never change the stored event format.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
class AxonConfig {

    static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(IdentifierModule.create())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static JacksonSerializer jackson(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(storageObjectMapper())
                .revisionResolver(revisionResolver)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    /**
     * Events, in the log and in the dead-letter queue: the personal fields of each are encrypted under the data key of
     * the client it is about, and read as null once that key is destroyed (docs/clients-and-personal-data.md).
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver, PersonalDataCipher cipher, DataSubjects subjects) {
        return new PersonalDataSerializer(jackson(revisionResolver), cipher, subjects);
    }

    /**
     * Aggregates stay in memory between commands (weakly referenced, so the heap decides how many), instead of being
     * rebuilt from their whole stream for every command. An entry that another node has moved past is not used, and a
     * conflicting append evicts the entry, so a stale one never decides a command.
     */
    @Bean
    Cache aggregateCache(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new CurrentAggregateCache(jdbc);
    }

    /**
     * PostgreSQL reports a unique violation as SQLState 23505 (never as SQLIntegrityConstraintViolationException, which
     * Axon's JDBC default looks for): a concurrent append to the same aggregate sequence must surface as Axon's
     * ConcurrencyException so that the command is retried on fresh state.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's JDBC storage engine with gap-safe tracking (see {@link GapSafeJdbcEventStorageEngine}), declared here
     * because this configuration declares the event store itself.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema, EventStoreProperties properties,
                                          SpanFactory spanFactory) {
        return GapSafeJdbcEventStorageEngine.build(storageEngineBuilder(serializer, persistenceExceptionResolver,
                eventSerializer, configuration, connectionProvider, transactionManager, eventSchema)
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .gapCleaningThreshold(properties.gapCleaningThreshold()), properties.maxGapOffset(), spanFactory);
    }

    static JdbcEventStorageEngine.Builder storageEngineBuilder(Serializer serializer,
                                                              PersistenceExceptionResolver persistenceExceptionResolver,
                                                              Serializer eventSerializer,
                                                              org.axonframework.config.Configuration configuration,
                                                              ConnectionProvider connectionProvider,
                                                              TransactionManager transactionManager,
                                                              EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
    }

    /**
     * The event store that feeds the processors. A commit wakes them at once; otherwise they look again after 25 ms
     * instead of Axon's 1 s. Each processor reads its own stream: Axon's shared read-ahead cache is kept as long as the
     * slowest processor needs it, which during a replay of a million events held hundreds of thousands of events in
     * the heap (measured: a 512 MB heap ran out).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(25)
                .optimizeEventConsumption(false)
                .build();
    }

    /** Global index of a stored event, by its identifier (unique in the event table). */
    @Bean
    EventPositions eventPositions(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return eventIdentifier -> jdbc.query("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                (rs, i) -> rs.getLong(1), eventIdentifier).stream().findFirst();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
