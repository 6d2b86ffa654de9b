package org.dit.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.UncategorizedSQLException;

class ProjectionDeadLetterPolicyTest {

    private final ProjectionDeadLetterPolicy policy = new ProjectionDeadLetterPolicy("caseload");
    private final EventMessage<?> event = new GenericDomainEventMessage<>("Episode", "episode-1", 5, "payload");

    private static UncategorizedSQLException postgres(String sqlState, String message) {
        return new UncategorizedSQLException("upsert", "INSERT INTO caseload_episode …", new SQLException(message, sqlState));
    }

    @Test
    void givenAFaultOfTheEventOrItsRow_whenItFails_thenItIsParkedWithPostgresOwnMessageAndNoRetriesYet() {
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("episode-1", event);
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, postgres("P0001", "ERROR: refused for this episode"));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().isInstanceOfSatisfying(ThrowableCause.class, cause -> {
            assertThat(cause.type()).isEqualTo(SQLException.class.getName());
            assertThat(cause.message()).isEqualTo("ERROR: refused for this episode");
        });
        assertThat(ProjectionDeadLetterPolicy.retries(decision.withDiagnostics(letter).diagnostics())).isZero();
    }

    @Test
    void givenAFaultOfTheMoment_whenItFails_thenNothingIsParkedAndTheBatchFailsToBeTriedAgain() {
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("episode-1", event);

        assertThatThrownBy(() -> policy.decide(letter, postgres("40001", "could not serialize access")))
                .isInstanceOf(UncategorizedSQLException.class);
        assertThatThrownBy(() -> policy.decide(letter, postgres("57014", "canceling statement due to statement timeout")))
                .isInstanceOf(UncategorizedSQLException.class);
        assertThatThrownBy(() -> policy.decide(letter, postgres("08006", "connection failure")))
                .isInstanceOf(UncategorizedSQLException.class);
        assertThatThrownBy(() -> policy.decide(letter, new QueryTimeoutException("timeout")))
                .isInstanceOf(QueryTimeoutException.class);
    }

    @Test
    void givenAnInterruptedHandler_whenItFails_thenNothingIsParked() {
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("episode-1", event);
        // Axon wraps an interruption in its own exception, with the InterruptedException as its cause
        IllegalStateException interrupted = new IllegalStateException("Message interrupted", new InterruptedException());

        assertThatThrownBy(() -> policy.decide(letter, interrupted)).isSameAs(interrupted);
    }

    @Test
    void givenAParkedLetter_whenItsRetryFails_thenItStaysParkedWithTheNewCauseAndOneMoreRetry() {
        JdbcDeadLetter<EventMessage<?>> parked = new JdbcDeadLetter<>("letter-1", 0, "episode-1", Instant.EPOCH, Instant.EPOCH,
                new ThrowableCause("x", "first"), MetaData.with(ProjectionDeadLetterPolicy.RETRIES, 2), event);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(parked, new IllegalStateException("still broken"));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage).isEqualTo("still broken");
        assertThat(ProjectionDeadLetterPolicy.retries(decision.withDiagnostics(parked).diagnostics())).isEqualTo(3);
    }
}
