package org.dit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistRegistered;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log cannot be rewritten by the service (its role lacks the right, and the triggers refuse even the owner of the
 * tables), and a rewrite by someone who bypasses the database's refusal (a superuser disabling triggers) is found by
 * the hash chain at the right global index. Each test puts the log back.
 */
@ApiTest
class TamperEvidenceTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    final JdbcTemplate superuser = TestDatabase.superuser();
    final TransactionTemplate superuserTransaction = TestDatabase.superuserTransaction(superuser);
    @Autowired
    EventStore eventStore;

    Api auditor;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        Api lead = new Api(port);
        auditor = lead.as("auditor");
        clinic = new Clinic(lead);
    }

    private JsonNode verify() {
        Api.Response response = auditor.get("/api/audit/verify");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** Some events, all linked into the chain; returns the global indexes of the new episode's events. */
    private List<Long> aChainedEpisode() {
        String therapistId = clinic.registerTherapist(2);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class,
                episodeId);
        awaitChained();
        return indexes;
    }

    private void awaitChained() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> Boolean.TRUE.equals(
                jdbc.queryForObject("""
                        SELECT (SELECT coalesce(max(global_index), 0) FROM audit_hash_chain)
                             = (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)""", Boolean.class)));
    }

    /** Runs SQL as a superuser would to get round the append-only trigger. */
    private void asSuperuserBypassingTriggers(String... statements) {
        superuserTransaction.executeWithoutResult(status -> {
            superuser.execute("SET LOCAL session_replication_role = replica");
            for (String statement : statements) {
                superuser.execute(statement);
            }
        });
    }

    @Test
    void givenTheService_whenItTriesToUpdateOrDeleteAnEvent_thenTheDatabaseRefuses() {
        long index = aChainedEpisode().get(0);

        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET payload_revision = '2' WHERE global_index = ?", index))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", index))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry")).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_hash_chain")).hasStackTraceContaining("permission denied");
        jdbc.update("INSERT INTO audit_access_log (actor, episode_id, endpoint, status) VALUES ('reader', ?, 'GET /test', 200)",
                UUID.randomUUID());
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_access_log SET actor = 'someone else'"))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void givenTheOwnerOfTheTables_whenItTriesToUpdateOrDeleteAnEvent_thenTheTriggersRefuse() {
        long index = aChainedEpisode().get(0);
        JdbcTemplate owner = TestDatabase.owner();

        assertThatThrownBy(() -> owner.update("UPDATE domain_event_entry SET payload_revision = '2' WHERE global_index = ?", index))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM domain_event_entry WHERE global_index = ?", index))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.execute("TRUNCATE domain_event_entry")).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM audit_hash_chain")).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.update("UPDATE audit_access_log SET actor = 'someone else'"))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void givenAnEditedPayload_whenVerified_thenTheEditedEventIsTheFirstBroken() {
        long edited = aChainedEpisode().get(3);
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, edited);
        assertThat(verify().get("firstBrokenGlobalIndex").isNull()).isTrue();
        try {
            asSuperuserBypassingTriggers("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'\"total\":', '\"total\":1'), 'UTF8') WHERE global_index = " + edited);

            JsonNode result = verify();
            assertThat(result.get("firstBrokenGlobalIndex").asLong()).isEqualTo(edited);
            assertThat(result.get("verifiedEvents").asLong()).isLessThan(edited);
        } finally {
            superuserTransaction.executeWithoutResult(status -> {
                superuser.execute("SET LOCAL session_replication_role = replica");
                superuser.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, edited);
            });
        }
        assertThat(verify().get("firstBrokenGlobalIndex").isNull()).isTrue();
    }

    @Test
    void givenADeletedEvent_whenVerified_thenTheMissingEventIsTheFirstBroken() {
        long deleted = aChainedEpisode().get(2);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", deleted);
        try {
            asSuperuserBypassingTriggers("DELETE FROM domain_event_entry WHERE global_index = " + deleted);

            assertThat(verify().get("firstBrokenGlobalIndex").asLong()).isEqualTo(deleted);
        } finally {
            superuserTransaction.executeWithoutResult(status -> {
                superuser.execute("SET LOCAL session_replication_role = replica");
                superuser.update("""
                        INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                               meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        row.get("global_index"), row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"),
                        row.get("event_identifier"), row.get("meta_data"), row.get("payload"), row.get("payload_revision"),
                        row.get("payload_type"), row.get("time_stamp"));
            });
        }
        assertThat(verify().get("firstBrokenGlobalIndex").isNull()).isTrue();
    }

    @Test
    void givenTwoEventsReordered_whenVerified_thenTheEarlierPositionIsTheFirstBroken() {
        List<Long> indexes = aChainedEpisode();
        long first = indexes.get(1);
        long second = indexes.get(4);
        String swap = "UPDATE domain_event_entry SET global_index = CASE global_index WHEN %d THEN %d WHEN %d THEN %d END"
                + " WHERE global_index IN (%d, %d)";
        try {
            asSuperuserBypassingTriggers("UPDATE domain_event_entry SET global_index = -global_index WHERE global_index IN ("
                    + first + ", " + second + ")", swap.formatted(-first, second, -second, first, -first, -second));

            assertThat(verify().get("firstBrokenGlobalIndex").asLong()).isEqualTo(first);
        } finally {
            asSuperuserBypassingTriggers("UPDATE domain_event_entry SET global_index = -global_index WHERE global_index IN ("
                    + first + ", " + second + ")", swap.formatted(-first, second, -second, first, -first, -second));
        }
        assertThat(verify().get("firstBrokenGlobalIndex").isNull()).isTrue();
    }

    @Test
    void givenAnIntactLogOfManyThousandEvents_whenVerified_thenEveryEventIsVerified() {
        List<GenericDomainEventMessage<TherapistRegistered>> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            TherapistId id = TherapistId.random();
            batch.add(new GenericDomainEventMessage<>("Therapist", id.toString(), 0,
                    new TherapistRegistered(id, "Generated Therapist " + i, Accreditation.QUALIFIED, null, 10)));
            if (batch.size() == 500) {
                List<GenericDomainEventMessage<TherapistRegistered>> page = List.copyOf(batch);
                transaction.executeWithoutResult(status -> eventStore.publish(page));
                batch.clear();
            }
        }
        awaitChained();

        JsonNode result = verify();

        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(events).isGreaterThan(5000);
        assertThat(result.get("firstBrokenGlobalIndex").isNull()).isTrue();
        assertThat(result.get("verifiedEvents").asLong()).isEqualTo(events);
        assertThat(result.get("headHash").asText()).matches("[0-9a-f]{64}");
    }
}
