package org.dit.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A node killed with SIGKILL in the middle of rebuilding its read models finishes the rebuild after a restart. */
class ReplayCrashIT {

    private static final List<String> PROJECTIONS = List.of("episode-view", "caseload", "waiting-list", "outcomes", "risk-worklist", "therapists",
            "client-view");
    private static final int COURSES = 24;
    private static final int HOLD = 424242;

    @Test
    void givenEveryProjectionReplaying_whenTheNodeIsKilled_thenAfterARestartTheReplayCompletesWithTheCleanReadModels()
            throws Exception {
        try (ExternalPostgres database = ExternalPostgres.start(Path.of("target", "nodes", "replay-crash-pg"))) {
            JdbcTemplate jdbc = database.jdbc();
            Map<String, List<Map<String, Object>>> clean;
            try (ServiceProcess node = ServiceProcess.start("replay", database)) {
                aClinicsWorthOfCourses(node.api());
                new LogAgreement(node.api()).awaitCaughtUp(Duration.ofSeconds(60));
                clean = ReadModelTables.snapshot(jdbc);
                assertThat(clean.get("outcome_episode")).hasSizeGreaterThan(COURSES);

                killInTheMiddleOfAReplay(node, database);
                assertThat(replayingInTheStoredTokens(jdbc, "read-models"))
                        .as("the interrupted rebuild is recorded in the token store, not lost with the process").isTrue();
            }

            try (ServiceProcess restarted = ServiceProcess.start("replay-restarted", database)) {
                new LogAgreement(restarted.api()).awaitCaughtUp(ClaimTimeout.configured().plus(Duration.ofSeconds(90)));
                assertThat(ReadModelTables.snapshot(jdbc)).isEqualTo(clean);
                assertThat(restarted.api().get("/api/outcomes?from=2026-01-01&to=2026-12-31").header("Read-Model-Status"))
                        .isEqualTo("CURRENT");
            }
        }
    }

    /**
     * Starts a replay of every projection while the outcomes rebuild is held at its first row: a trigger on the outcomes
     * table waits for an advisory lock the test holds (the reset's DELETE passes, the first INSERT waits), so the node is
     * killed in the middle of a rebuild however fast the rebuild would otherwise be.
     */
    private static void killInTheMiddleOfAReplay(ServiceProcess node, ExternalPostgres database) throws Exception {
        Api api = node.api();
        JdbcTemplate jdbc = database.jdbc();
        jdbc.execute("""
                CREATE FUNCTION test_hold_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_xact_lock_shared(%d); RETURN NEW; END $$""".formatted(HOLD));
        jdbc.execute("CREATE TRIGGER test_hold_outcomes BEFORE INSERT OR UPDATE ON outcome_episode"
                + " FOR EACH ROW EXECUTE FUNCTION test_hold_outcomes()");
        try (Connection holder = database.dataSource().getConnection();
             Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + HOLD + ")");
            for (String projection : PROJECTIONS) {
                assertThat(api.post("/api/admin/projections/" + projection + "/replay", null).status()).isEqualTo(202);
            }
            awaitHeld(jdbc);
            assertThat(api.get("/api/outcomes?from=2026-01-01&to=2026-12-31").header("Read-Model-Status"))
                    .isEqualTo("REBUILDING");
            assertThat(status(api, "outcomes").get("replaying").asBoolean()).isTrue();
            node.kill();
        } finally {
            jdbc.execute("DROP TRIGGER test_hold_outcomes ON outcome_episode");
            jdbc.execute("DROP FUNCTION test_hold_outcomes()");
        }
    }

    /** Until the outcomes processor's transaction waits on the held lock. */
    private static void awaitHeld(JdbcTemplate jdbc) {
        Awaitility.await("the outcomes rebuild reaching its first row").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND objid = ? AND NOT granted", Integer.class, HOLD) > 0);
    }

    private static JsonNode status(Api api, String projection) {
        for (JsonNode status : api.get("/api/admin/projections").json()) {
            if (projection.equals(status.get("name").asText())) {
                return status;
            }
        }
        throw new AssertionError("no projection " + projection);
    }

    private static boolean replayingInTheStoredTokens(JdbcTemplate jdbc, String processor) {
        Integer replaying = jdbc.queryForObject("""
                SELECT count(*) FROM token_entry
                 WHERE processor_name = ? AND token_type LIKE '%ReplayToken'
                   AND coalesce((convert_from(token, 'UTF8')::jsonb #>> '{currentToken,index}')::bigint, -1)
                       < (convert_from(token, 'UTF8')::jsonb #>> '{tokenAtReset,index}')::bigint""", Integer.class, processor);
        return replaying != null && replaying > 0;
    }

    /** Courses in every state the read models distinguish: waiting, in therapy with a focus, ended. */
    private static void aClinicsWorthOfCourses(Api api) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> courses = new ArrayList<>();
            for (int i = 0; i < COURSES; i++) {
                int index = i;
                courses.add(CompletableFuture.runAsync(() -> {
                    Clinic clinic = new Clinic(api);
                    // a therapist per course: every course's sessions are at the same hours
                    String episodeId = clinic.clientInTherapyWith(clinic.registerTherapist(2));
                    clinic.attendSessions(episodeId, 5);
                    if (index % 3 == 0) {
                        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/ending",
                                Map.of("endedOn", "2026-05-01", "reason", "DROPPED_OUT")));
                    }
                    if (index % 6 == 1) {
                        clinic.waitingClient();
                    }
                }, clients));
            }
            CompletableFuture.allOf(courses.toArray(CompletableFuture[]::new)).get();
        } finally {
            clients.shutdown();
        }
    }
}
