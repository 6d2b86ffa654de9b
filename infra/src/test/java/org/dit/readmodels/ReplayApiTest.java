package org.dit.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.dit.query.admin.ProjectionAdmin;
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

/** Read models are a function of the log: a full replay rebuilds them exactly, and a redelivered event changes nothing. */
@ApiTest
class ReplayApiTest {

    static final List<String> PROJECTIONS = List.of("episode-view", "caseload", "waiting-list", "outcomes", "client-view",
            "risk-worklist", "therapists");
    static final Map<String, String> READ_TABLES = Map.of(
            "episode_view", "episode_id",
            "caseload_therapist", "therapist_id",
            "caseload_episode", "episode_id",
            "waiting_list_entry", "episode_id",
            "outcome_episode", "episode_id",
            // client_view's details are sealed afresh (a new nonce) by a replay: PersonalDataApiTest compares its answers
            "client_episode", "episode_id",
            "risk_worklist_episode", "episode_id",
            "therapist_directory", "therapist_id",
            "therapist_directory_episode", "episode_id");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProjectionAdmin admin;
    /** Faults are triggers: only the owner of the tables may add one, never the service's role. */
    final JdbcTemplate owner = TestDatabase.owner();

    Api api;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        return READ_TABLES.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> jdbc.queryForList("SELECT * FROM " + e.getKey() + " ORDER BY " + e.getValue()).stream()
                        .map(row -> {
                            // jsonb and arrays compare by their text form
                            java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>();
                            row.forEach((k, v) -> copy.put(k, v instanceof java.sql.Array || v instanceof org.postgresql.util.PGobject
                                    ? v.toString() : v));
                            return (Map<String, Object>) copy;
                        }).toList()));
    }

    private void awaitCaughtUp() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode statuses = api.get("/api/admin/projections").json();
            for (JsonNode status : statuses) {
                if (!status.get("caughtUp").asBoolean() || status.get("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The answers of the queries whose read models a replay rebuilds; the bodies, not the position headers. */
    private Map<String, String> answers(String episodeId) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (String path : List.of("/api/episodes/" + episodeId, "/api/outcomes/episodes/" + episodeId,
                "/api/outcomes?from=2026-01-01&to=2026-12-31", "/api/outcomes/monthly?from=2026-01-01&to=2026-12-31",
                "/api/waiting-list?asOf=2026-06-01", "/api/referrals/awaiting-assessment?asOf=2026-06-01",
                "/api/waiting-list/allocated-not-seen?asOf=2026-03-20", "/api/caseloads")) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            answers.put(path, response.text());
        }
        return answers;
    }

    private String aCourseWithEveryKindOfEvent() {
        String therapistId = clinic.registerTherapist(4);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        clinic.attendSessions(episodeId, 6);
        int seventh = clinic.book(episodeId, Clinic.week(7));
        api.post("/api/episodes/" + episodeId + "/sessions/" + seventh + "/reschedule",
                Map.of("startsAt", Clinic.week(7).plusSeconds(3600).toString()));
        api.post("/api/episodes/" + episodeId + "/sessions/" + seventh + "/cancellation", Map.of("cancelledBy", "CLIENT"));
        api.post("/api/episodes/" + episodeId + "/sessions/6/correction", Map.of("outcome", "MISSED", "reason", "wrong row"));
        api.post("/api/episodes/" + episodeId + "/extension", Map.of("additionalSessions", 2, "approvedBy", "Supervisor A",
                "reason", "bereavement"));
        api.post("/api/episodes/" + episodeId + "/ending", Map.of("endedOn", "2026-06-01", "reason", "DROPPED_OUT"));
        clinic.waitingClient();
        return episodeId;
    }

    @Test
    void givenAWorkflow_whenEveryProjectionIsReplayed_thenTheReadModelsAndTheirAnswersAreIdentical() {
        String episodeId = aCourseWithEveryKindOfEvent();
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = readModels();
        Map<String, String> answersBefore = answers(episodeId);
        // damage every read model, so that only a real rebuild from the log can restore it
        jdbc.update("UPDATE episode_view SET status = 'ENDED'");
        jdbc.update("UPDATE caseload_episode SET sessions_attended = 99");
        jdbc.update("UPDATE waiting_list_entry SET priority = 'URGENT'");
        jdbc.update("UPDATE outcome_episode SET finished = NOT finished");
        assertThat(readModels()).isNotEqualTo(before);

        for (String projection : PROJECTIONS) {
            Api.Response replay = api.post("/api/admin/projections/" + projection + "/replay", null);
            assertThat(replay.status()).isEqualTo(202);
        }
        awaitCaughtUp();

        assertThat(readModels()).isEqualTo(before);
        assertThat(before.get("episode_view")).isNotEmpty();
        assertThat(answers(episodeId)).isEqualTo(answersBefore);
        assertThat(answersBefore.get("/api/waiting-list/allocated-not-seen?asOf=2026-03-20")).contains(episodeId);
    }

    @Test
    void givenReadModelsSharingOneProcessor_whenOneIsReplayed_thenOnlyItsTableIsRebuiltAndTheOthersAreLeftAlone() {
        String episodeId = aCourseWithEveryKindOfEvent();
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = readModels();
        assertThat(processing.eventProcessorByProcessingGroup("outcomes").map(p -> p.getName()))
                .isEqualTo(processing.eventProcessorByProcessingGroup("caseload").map(p -> p.getName()));
        jdbc.update("UPDATE outcome_episode SET finished = NOT finished WHERE episode_id = ?::uuid", episodeId);
        jdbc.update("UPDATE caseload_episode SET sessions_attended = 99 WHERE episode_id = ?::uuid", episodeId);

        assertThat(api.post("/api/admin/projections/outcomes/replay", null).status()).isEqualTo(202);
        awaitCaughtUp();

        Map<String, List<Map<String, Object>>> after = readModels();
        assertThat(after.get("outcome_episode")).as("the replayed read model is rebuilt")
                .isEqualTo(before.get("outcome_episode"));
        assertThat(jdbc.queryForObject("SELECT sessions_attended FROM caseload_episode WHERE episode_id = ?::uuid",
                Integer.class, episodeId)).as("a read model not replayed saw no event again, and was not emptied").isEqualTo(99);
        for (String table : List.of("episode_view", "waiting_list_entry", "client_episode", "therapist_directory")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
    }

    @Test
    void givenCommandsDuringAReplayInSmallChunks_whenItReachesTheHead_thenTheProcessorTakesOverAndTheReadModelsEqualAReplayThroughTheProcessor() {
        aCourseWithEveryKindOfEvent();
        awaitCaughtUp();

        for (String projection : PROJECTIONS) {
            assertThat(admin.replay(projection, 7)).isEqualTo(ProjectionAdmin.Replay.STARTED);
        }
        // commands go on while the chunks are driven: what they append after the head the driver found is the processor's
        String therapistId = clinic.registerTherapist(2);
        clinic.attendSessions(clinic.clientInTherapyWith(therapistId), 2);
        awaitCaughtUp();

        ProjectionAdmin.BulkReplayReport report = admin.lastBulkReplay().orElseThrow();
        assertThat(report.running()).isFalse();
        assertThat(report.reachedHead()).as("the last replay asked for was driven to the head").isTrue();
        assertThat(report.events()).isPositive();
        assertThat(jdbc.queryForList("SELECT token_type FROM token_entry WHERE processor_name = 'read-models'", String.class))
                .as("the tokens the processor took over are past the replay").isNotEmpty()
                .noneMatch(type -> type.endsWith("ReplayToken"));
        assertThat(processing.eventProcessorByProcessingGroup("outcomes").orElseThrow().isRunning()).isTrue();
        Map<String, List<Map<String, Object>>> driven = readModels();

        for (String projection : PROJECTIONS) {
            assertThat(admin.replay(projection, 0)).isEqualTo(ProjectionAdmin.Replay.STARTED);
        }
        awaitCaughtUp();
        assertThat(readModels()).as("the chunks give what the processor gives, event by event").isEqualTo(driven);
    }

    @Test
    void givenAChunkThatFails_whenTheBulkReplayStops_thenTheProcessorCarriesOnFromTheLastChunkAndRebuildsTheReadModel() {
        String episodeId = aCourseWithEveryKindOfEvent();
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = readModels();
        jdbc.update("UPDATE outcome_episode SET finished = NOT finished WHERE episode_id = ?::uuid", episodeId);
        // the first write to the outcomes fails, once: a sequence is not rolled back with the chunk
        owner.execute("CREATE SEQUENCE bulk_replay_test_fault");
        owner.execute("""
                CREATE FUNCTION bulk_replay_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF nextval('bulk_replay_test_fault') = 1 THEN RAISE EXCEPTION 'bulk replay test fault'; END IF;
                  RETURN NEW;
                END $$""");
        owner.execute("GRANT USAGE ON SEQUENCE bulk_replay_test_fault TO PUBLIC");
        owner.execute("""
                CREATE TRIGGER bulk_replay_test_fault BEFORE INSERT OR UPDATE ON outcome_episode
                FOR EACH ROW EXECUTE FUNCTION bulk_replay_test_fault()""");
        try {
            assertThat(admin.replay("outcomes", 50)).isEqualTo(ProjectionAdmin.Replay.STARTED);
            awaitCaughtUp();
        } finally {
            owner.execute("DROP TRIGGER IF EXISTS bulk_replay_test_fault ON outcome_episode");
            owner.execute("DROP FUNCTION IF EXISTS bulk_replay_test_fault()");
            owner.execute("DROP SEQUENCE IF EXISTS bulk_replay_test_fault");
        }

        assertThat(admin.lastBulkReplay().orElseThrow().reachedHead()).as("the driver stopped at the failed chunk").isFalse();
        assertThat(readModels()).as("the processor rebuilt the rest").isEqualTo(before);
        for (String projection : PROJECTIONS) {
            // the workers that did not fail end their chunks uninterrupted: nothing is parked anywhere
            assertThat(processing.deadLetterQueue(projection).orElseThrow().size()).as(projection).isZero();
        }
    }

    @Test
    void givenTheQuerySidesProjections_whenTheOperatorListsThem_thenEachReadModelIsThereAndTheAuditChainIsNot() {
        List<String> listed = new java.util.ArrayList<>();
        api.get("/api/admin/projections").json().forEach(status -> listed.add(status.get("name").asText()));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(PROJECTIONS);
        assertThat(api.post("/api/admin/projections/audit-chain/replay", null).status()).isEqualTo(404);
    }

    @Test
    void givenAReadModelBeingRebuilt_whenItIsQueried_thenTheAnswerSaysRebuildingUntilTheReplayEnds() {
        aCourseWithEveryKindOfEvent();
        awaitCaughtUp();
        org.axonframework.eventhandling.StreamingEventProcessor caseload = processing
                .eventProcessorByProcessingGroup("caseload", org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        caseload.shutDown();
        caseload.resetTokens();
        try {
            Api.Response during = api.get("/api/caseloads");
            assertThat(during.header("Read-Model-Status")).isEqualTo("REBUILDING");
            JsonNode status = null;
            for (JsonNode projection : api.get("/api/admin/projections").json()) {
                if ("caseload".equals(projection.get("name").asText())) {
                    status = projection;
                }
            }
            assertThat(status.get("replaying").asBoolean()).isTrue();
            assertThat(status.get("caughtUp").asBoolean()).isFalse();
        } finally {
            caseload.start();
        }
        awaitCaughtUp();
        assertThat(api.get("/api/caseloads").header("Read-Model-Status")).isEqualTo("CURRENT");
    }

    @Test
    void givenAppliedEvents_whenTheyAreDeliveredAgain_thenNoReadModelChanges() {
        String therapistId = clinic.registerTherapist(2);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        clinic.attendSessions(episodeId, 3);
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = readModels();

        transaction.executeWithoutResult(status -> eventStore.readEvents(episodeId).asStream().forEach(event -> {
            for (String projection : PROJECTIONS) {
                AbstractEventProcessor processor = processing.eventProcessorByProcessingGroup(projection, AbstractEventProcessor.class)
                        .orElseThrow();
                try {
                    processor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));

        assertThat(readModels()).isEqualTo(before);
    }
}
