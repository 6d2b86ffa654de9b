package org.dit.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGobject;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backup as the README describes it: pg_dump of the running service's database, pg_restore into a fresh database,
 * the service started on it. Every projection rebuilt from the restored log gives the read models the clinic had,
 * and the hash chain verifies to the same head.
 */
class BackupRestoreTest {

    private static final List<String> PROJECTIONS = List.of("episode-view", "caseload", "waiting-list", "outcomes",
            "client-view", "risk-worklist", "therapists");
    private static final Map<String, String> READ_MODEL_TABLES = Map.of(
            "episode_view", "episode_id",
            "caseload_therapist", "therapist_id",
            "caseload_episode", "episode_id",
            "waiting_list_entry", "episode_id",
            "outcome_episode", "episode_id",
            // client_view is compared by its answers: a replay seals the details afresh (another nonce)
            "client_view", "client_id",
            "client_episode", "episode_id");

    @TempDir
    Path work;

    /** What the clinic looks like: read-model rows, answers of the query API, the log, its hash chain and checkpoints. */
    private record Snapshot(Map<String, List<Map<String, Object>>> tables, Map<String, JsonNode> answers, long events,
                            long lastGlobalIndex, JsonNode verification) {
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        return new SpringApplication(DitApplication.class).run("--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--logging.level.root=WARN");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void givenAClinic_whenItsDumpIsRestoredIntoAFreshDatabaseAndReplayed_thenReadModelsAndHashChainAreIdentical() {
        try (PostgresCluster cluster = PostgresCluster.start(work.resolve("cluster"))) {
            cluster.createDatabase("dit_origin");
            Path dump = work.resolve("dit.dump");
            Snapshot before;
            List<String> episodes;
            try (ConfigurableApplicationContext service = start(cluster.jdbcUrl("dit_origin"))) {
                Api api = api(service);
                episodes = fillClinic(new Clinic(api));
                awaitCaughtUp(api, service);
                Api.Response checkpoint = api.as("auditor").post("/api/audit/checkpoints", null);
                assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);
                before = snapshot(api, service, episodes);
                before.tables().forEach((table, rows) -> assertThat(rows).as("read model " + table).isNotEmpty());
                assertThat(before.verification().get("verifiedEvents").asLong()).isEqualTo(before.events());
                assertThat(before.verification().get("checkpoints").asLong()).isEqualTo(1);
                assertThat(before.verification().get("checkpointsIntact").asBoolean()).isTrue();
                cluster.dump("dit_origin", dump);
            }

            cluster.createDatabase("dit_restored");
            cluster.restore(dump, "dit_restored");

            try (ConfigurableApplicationContext service = start(cluster.jdbcUrl("dit_restored"))) {
                Api api = api(service);
                // the dump brought the read models back already: empty them, so only the replay can restore them
                service.getBean(JdbcTemplate.class).execute("TRUNCATE " + String.join(", ", READ_MODEL_TABLES.keySet()));
                for (String projection : PROJECTIONS) {
                    Api.Response replay = api.post("/api/admin/projections/" + projection + "/replay", null);
                    assertThat(replay.status()).as(projection + ": " + replay).isEqualTo(202);
                }
                awaitCaughtUp(api, service);
                Snapshot after = snapshot(api, service, episodes);

                assertThat(after.events()).isEqualTo(before.events());
                assertThat(after.lastGlobalIndex()).isEqualTo(before.lastGlobalIndex());
                assertThat(after.verification().get("firstBrokenGlobalIndex").isNull()).as(after.verification().toString()).isTrue();
                assertThat(after.verification()).isEqualTo(before.verification());
                before.tables().forEach((table, rows) ->
                        assertThat(after.tables().get(table)).as("read model " + table).isEqualTo(rows));
                before.answers().forEach((query, answer) ->
                        assertThat(after.answers().get(query)).as("GET " + query).isEqualTo(answer));

                Api.Response referral = api.post("/api/episodes", Clinic.referral(api));
                assertThat(referral.status()).as("the restored service takes new commands: " + referral).isEqualTo(201);
                Long next = service.getBean(JdbcTemplate.class).queryForObject(
                        "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                        referral.json().get("episodeId").asText());
                assertThat(next).as("the log continues after the restored events").isGreaterThan(before.lastGlobalIndex());
            }
        }
    }

    /** A small clinic in every state: waiting, not suitable, in therapy with corrections, dropped out, completed. */
    private static List<String> fillClinic(Clinic clinic) {
        Api api = clinic.api();
        String waiting = clinic.waitingClient();

        String notSuitable = clinic.referClient();
        accepted(api.post("/api/episodes/" + notSuitable + "/assessment", Map.of("assessedOn", Clinic.ASSESSED_ON.toString(),
                "suitable", false, "phq9", Clinic.PHQ9_MILD, "gad7", Clinic.GAD7_MILD)));

        String inTherapy = clinic.clientInTherapyWith(clinic.registerTherapist(8));
        clinic.attendSessions(inTherapy, 6);
        clinic.book(inTherapy, Clinic.week(7));
        accepted(api.post("/api/episodes/" + inTherapy + "/sessions/7/missed", null));
        clinic.book(inTherapy, Clinic.week(8));
        accepted(api.post("/api/episodes/" + inTherapy + "/sessions/8/cancellation", Map.of("cancelledBy", "CLIENT")));
        Api.Response measure = api.post("/api/episodes/" + inTherapy + "/measures",
                Map.of("instrument", "PHQ9", "items", Clinic.PHQ9_MILD, "recordedOn", "2026-05-05"));
        assertThat(measure.status()).as(measure.toString()).isEqualTo(201);
        accepted(api.post("/api/episodes/" + inTherapy + "/measures/" + measure.json().get("measureId").asText()
                + "/entered-in-error", Map.of("reason", "recorded for the wrong client")));

        String droppedOut = clinic.clientInTherapyWith(clinic.registerTherapist(4));
        clinic.attendSessions(droppedOut, 2);
        accepted(api.post("/api/episodes/" + droppedOut + "/ending", Map.of("endedOn", "2026-04-20", "reason", "DROPPED_OUT")));

        String completed = clinic.clientInTherapyWith(clinic.registerTherapist(4));
        for (int n = 1; n <= 16; n++) {
            clinic.book(completed, Clinic.week(n));
            if (n == 5) {
                clinic.agreeFocus(completed);
            }
            clinic.attend(completed, n, n < 8 ? Clinic.PHQ9_MODERATELY_SEVERE : Clinic.PHQ9_MILD,
                    n < 8 ? Clinic.GAD7_MODERATE : Clinic.GAD7_MILD);
            if (n == 13) {
                accepted(api.post("/api/episodes/" + completed + "/goodbye-letter", Map.of("sharedOn", "2026-06-15")));
            }
        }
        accepted(api.post("/api/episodes/" + completed + "/ending", Map.of("endedOn", "2026-07-10", "reason", "COMPLETED")));
        return List.of(waiting, notSuitable, inTherapy, droppedOut, completed);
    }

    /** Every projection at the head of the log and not rebuilding, and the hash chain over every event. */
    private static void awaitCaughtUp(Api api, ConfigurableApplicationContext service) {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode statuses = api.get("/api/admin/projections").json();
            boolean caughtUp = statuses.size() == PROJECTIONS.size();
            for (JsonNode status : statuses) {
                caughtUp &= status.get("caughtUp").asBoolean() && !status.get("replaying").asBoolean();
            }
            Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            Long chained = jdbc.queryForObject("SELECT count(*) FROM audit_hash_chain", Long.class);
            return caughtUp && events != null && events.equals(chained);
        });
    }

    private static Snapshot snapshot(Api api, ConfigurableApplicationContext service, List<String> episodes) {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        READ_MODEL_TABLES.forEach((table, key) -> tables.put(table,
                jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key).stream().map(BackupRestoreTest::comparable)
                        .map(row -> {
                            row.remove("details");
                            return row;
                        }).toList()));
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<String> queries = new java.util.ArrayList<>(List.of("/api/caseloads", "/api/waiting-list?asOf=2026-06-01",
                "/api/outcomes?from=2026-01-01&to=2026-12-31", "/api/outcomes/monthly?from=2026-01-01&to=2026-12-31"));
        episodes.forEach(episode -> queries.add("/api/episodes/" + episode));
        for (String query : queries) {
            Api.Response response = api.get(query);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(200);
            answers.put(query, response.json());
        }
        for (String episode : episodes) {
            String client = "/api/clients/" + answers.get("/api/episodes/" + episode).get("clientId").asText();
            Api.Response response = api.get(client);
            assertThat(response.status()).as(client + ": " + response).isEqualTo(200);
            answers.put(client, response.json());
        }
        Api.Response verification = api.as("auditor").get("/api/audit/verify");
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return new Snapshot(tables, answers, events, last, verification.json());
    }

    /** JSON columns, arrays and bytes compare by their text. */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((column, value) -> copy.put(column,
                value instanceof java.sql.Array || value instanceof PGobject ? value.toString()
                        : value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value));
        return copy;
    }
}
