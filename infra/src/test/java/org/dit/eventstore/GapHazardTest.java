package org.dit.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * AxonFramework issue #4829: an event whose transaction commits after a later event has become older than the gap
 * timeout is skipped for ever by Axon's JDBC storage engine. Here a real command's transaction is held open inside
 * PostgreSQL (its event row inserted, its global index taken, not committed) while a later command commits and the
 * processors, stopped meanwhile, read that later event only after the gap timeout (a projection that lags behind).
 * Axon's engine, configured the same way, gives the hole up; ours keeps it, and every projection applies the event.
 */
@ApiTest
class GapHazardTest {

    private static final long HOLD_LOCK = 4829;
    private static final List<String> EPISODE_TABLES =
            List.of("episode_view", "caseload_episode", "waiting_list_entry", "outcome_episode");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStorageEngine ourEngine;
    @Autowired
    EventStoreProperties properties;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    PersistenceExceptionResolver exceptionResolver;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    EventSchema schema;

    Clinic clinic;

    @BeforeEach
    void setUp() {
        clinic = new Clinic(new Api(port));
    }

    @AfterEach
    void restore() {
        jdbc.execute("DROP TRIGGER IF EXISTS gap_hazard_hold ON domain_event_entry");
        jdbc.execute("DROP FUNCTION IF EXISTS gap_hazard_hold()");
        processing.eventProcessors().values().forEach(EventProcessor::start);
    }

    @Test
    void anEventCommittedAfterTheGapTimeoutIsStillAppliedByEveryProjection() throws Exception {
        EventStorageEngine axonsEngine = AxonConfig.storageEngineBuilder(serializer, exceptionResolver, eventSerializer,
                        axon, connectionProvider, transactionManager, schema)
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .build();
        String therapistId = clinic.registerTherapist(5);
        String held = clinic.waitingClient();
        clinic.episodeWhen(held, episode -> "WAITING".equals(episode.get("status").asText()));

        // the readers of the log stop; the command side's subscribing lookups keep running with the commands
        processing.eventProcessors().values().stream()
                .filter(p -> p instanceof org.axonframework.eventhandling.StreamingEventProcessor)
                .forEach(EventProcessor::shutDown);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        TrackingToken before = GapAwareTrackingToken.newInstance(head, List.of());
        holdEventInsertsOf(held);

        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + HOLD_LOCK + ")");
            CompletableFuture<Api.Response> allocation = CompletableFuture.supplyAsync(() -> clinic.api().post(
                    "/api/episodes/" + held + "/allocation",
                    Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Long.class) > 0);

            String later = clinic.referClient();
            Instant laterAppliedAt = jdbc.queryForObject("""
                    SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ?""", String.class, later)
                    .transform(Instant::parse);
            Awaitility.await().atMost(properties.gapTimeout().multipliedBy(3))
                    .until(() -> Instant.now().isAfter(laterAppliedAt.plus(properties.gapTimeout())));

            TrackingToken axonsToken = lastToken(axonsEngine, before);
            TrackingToken ourToken = lastToken(ourEngine, before);
            processing.eventProcessors().values().forEach(EventProcessor::start);
            // the held INSERT dies at the 15 s statement timeout: the lagging processors must read the later event first
            Awaitility.await("the restarted processors read the later event while the held one is still uncommitted")
                    .atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50))
                    .until(() -> jdbc.queryForObject("SELECT count(*) FROM episode_view WHERE episode_id = ?",
                            Long.class, UUID.fromString(later)) == 1);

            statement.execute("SELECT pg_advisory_unlock(" + HOLD_LOCK + ")");
            Clinic.accepted(allocation.get(20, TimeUnit.SECONDS));

            Map<String, Object> heldEvent = jdbc.queryForMap("""
                    SELECT global_index, event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?
                    ORDER BY sequence_number DESC LIMIT 1""", held);
            long laterIndex = jdbc.queryForObject("""
                    SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?""", Long.class, later);
            assertThat((Long) heldEvent.get("global_index")).as("the held event took its global index first")
                    .isLessThan(laterIndex);

            assertThat(identifiersAfter(axonsEngine, axonsToken))
                    .as("Axon's engine, configured the same way, never reads the late event: the hazard is real")
                    .doesNotContain((String) heldEvent.get("event_identifier"));
            assertThat(identifiersAfter(ourEngine, ourToken)).as("our engine reads the late event")
                    .contains((String) heldEvent.get("event_identifier"));
        }

        long lastSequence = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, held);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String table : EPISODE_TABLES) {
                assertThat(jdbc.queryForObject("SELECT last_sequence FROM " + table + " WHERE episode_id = ?",
                        Long.class, UUID.fromString(held))).as(table).isEqualTo(lastSequence);
            }
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM audit_hash_chain c JOIN domain_event_entry e ON e.global_index = c.global_index
                    WHERE e.aggregate_identifier = ?""", Long.class, held))
                    .as("audit-chain links every event of the episode")
                    .isEqualTo(lastSequence + 1);
        });
        assertThat(clinic.api().get("/api/caseloads/" + therapistId).json().get("entries").findValuesAsText("episodeId"))
                .containsExactly(held);
    }

    @Test
    void everyConnectionBoundsItsStatementsIdleSpellsAndWholeTransactions() {
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("15s");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("15s");
        assertThat(jdbc.queryForObject("SHOW transaction_timeout", String.class)).isEqualTo("25s");
    }

    /** Inserting an event of this episode waits, inside the command's transaction, until the test lets it go. */
    private void holdEventInsertsOf(String episodeId) {
        jdbc.execute("""
                CREATE FUNCTION gap_hazard_hold() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(%d);
                    RETURN NULL;
                END $$""".formatted(HOLD_LOCK));
        jdbc.execute("""
                CREATE TRIGGER gap_hazard_hold AFTER INSERT ON domain_event_entry FOR EACH ROW
                WHEN (NEW.aggregate_identifier = '%s') EXECUTE FUNCTION gap_hazard_hold()"""
                .formatted(UUID.fromString(episodeId)));
    }

    private static TrackingToken lastToken(EventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            return events.map(TrackedEventMessage::trackingToken).reduce((first, second) -> second).orElse(from);
        }
    }

    private static List<String> identifiersAfter(EventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            return events.map(TrackedEventMessage::getIdentifier).collect(Collectors.toList());
        }
    }
}
