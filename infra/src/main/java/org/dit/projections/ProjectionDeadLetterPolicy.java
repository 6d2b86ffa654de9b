package org.dit.projections;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.dit.query.admin.DeadLetterAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures park an event. A fault of the event or of its read-model row (a constraint, a trigger, unreadable
 * facts, a bug in a fold) parks it, so the rest of the stream goes on. A fault of the moment (connection lost, lock or
 * serialisation conflict, statement timeout, database shutting down) parks nothing: it is thrown on, the processor
 * rolls the batch back and tries it again later, as it would without a dead-letter queue. So does an interruption of
 * the handling thread. Parking every episode an
 * outage touches would turn a minute of downtime into hours of manual retries.
 * <p>
 * The parked letter records the innermost cause (for a database error, PostgreSQL's own message rather than Spring's
 * wrapper, which starts with the whole SQL statement and would fill Axon's 1023 characters). Failed retries are counted
 * in the letter's diagnostics ({@value #RETRIES}).
 */
final class ProjectionDeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String RETRIES = DeadLetterAdmin.RETRIES;

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetterPolicy.class);

    /** SQLSTATE classes of failures that pass: connection, transaction rollback, resources, operator intervention. */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private final String projection;

    ProjectionDeadLetterPolicy(String projection) {
        this.projection = projection;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        ThrowableCause reported = ThrowableCause.truncated(innermost(cause));
        if (letter instanceof JdbcDeadLetter) {
            return Decisions.requeue(reported, l -> l.diagnostics().and(RETRIES, retries(l.diagnostics()) + 1));
        }
        if (isTransient(cause)) {
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        EventMessage<?> event = letter.message();
        log.warn("Projection {} parked event {} ({}{}): {}: {}. Later events of the same episode wait behind it; "
                        + "GET /api/admin/dead-letters lists it, POST /api/admin/dead-letters/{id}/retry applies it after a fix",
                projection, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain
                        ? ", episode " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber() : "",
                reported.type(), reported.message());
        return Decisions.enqueue(reported, l -> MetaData.with(RETRIES, 0));
    }

    static int retries(MetaData diagnostics) {
        Object retries = diagnostics.get(RETRIES);
        return retries instanceof Number n ? n.intValue() : 0;
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // an interrupted thread (a stopping processor or replay) says nothing about the event
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && (TRANSIENT_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))
                        || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (true) {
            Throwable next = t.getCause() != null && t.getCause() != t ? t.getCause()
                    : t instanceof SQLException sql ? sql.getNextException() : null;
            if (next == null) {
                return t;
            }
            t = next;
        }
    }
}
