package org.dit.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGobject;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An upgrade from the previous release (issue 15 §7). {@code upgrade/dit-dd7e48c.dump} is that release's database with
 * a clinic in it, and {@code upgrade/dit-dd7e48c-answers.json.gz} what that release answered over HTTP just before the
 * dump (how both were made: {@code upgrade/README.md}). The dump is restored into a fresh PostgreSQL as
 * docs/operations.md "Upgrades" says (the DBA script, the restore, the DBA script again), this version starts on it,
 * migrates it and catches up, and then every read model, every answer of the old API and the hash chain's verification
 * must be what they were: what was there before is compared (columns and fields this version adds are not), and
 * the changes the migrations make on purpose are checked to be exactly those.
 */
class UpgradeTest {

    private static final String RELEASE = "dd7e48c";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROJECTIONS = List.of("episode-view", "caseload", "waiting-list", "outcomes");
    /** Every read model, and the command side's lookups (both rebuilt from events, so a change would show), by key. */
    private static final Map<String, String> TABLES = Map.of(
            "episode_view", "episode_id",
            "caseload_therapist", "therapist_id",
            "caseload_episode", "episode_id",
            "waiting_list_entry", "episode_id",
            "outcome_episode", "episode_id",
            "cmd_therapist", "therapist_id",
            "cmd_caseload", "episode_id",
            "cmd_session_slot", "episode_id, session_number");

    /** The previous release's course (upgrade/README.md) began with this referral, under this key, as clinic-lead. */
    private static final String OLD_REFERRAL_KEY = "upgrade-referral-0001";
    private static final String OLD_REFERRAL = "{\"clientId\":\"5f0c7d5e-2b8a-4c61-9a57-3f1f2d3c4b5a\",\"referralSource\":\"GP\","
            + "\"referredOn\":\"2026-03-02\",\"presentingProblem\":\"DEPRESSION\",\"priority\":\"ROUTINE\"}";
    /** Outcome report fields whose population issue 13 changed (asRedefinedByIssue13). */
    private static final List<String> REDEFINED_POPULATIONS = List.of("firstToSecondOver28Days", "firstToSecondOver90Days");

    @TempDir
    Path work;

    @Test
    void givenTheStoreOfThePreviousRelease_whenThisVersionMigratesItAndCatchesUp_thenReadModelsAnswersAndVerificationAreUnchanged()
            throws Exception {
        JsonNode old = answers();
        try (PostgresCluster cluster = PostgresCluster.start(work.resolve("cluster"))) {
            // as docs/operations.md "Upgrades" says: the roles first (the dump grants to dit_reporting), the restore,
            // and the DBA script again, which hands the restored objects (owned by postgres) to dit_owner
            cluster.createDatabase("dit");
            Connection connection = DriverManager.getConnection(cluster.jdbcUrl("dit"), "postgres", "");
            JdbcTemplate superuser = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            superuser.execute(resource("/dba/database-roles.sql"));
            Path dump = work.resolve("dit.dump");
            try (InputStream in = UpgradeTest.class.getResourceAsStream("/upgrade/dit-" + RELEASE + ".dump")) {
                Files.copy(in, dump);
            }
            cluster.restore(dump, "dit");
            superuser.execute(resource("/dba/database-roles.sql"));

            // what the previous release left, read from the dump itself before this version touches it
            assertThat(superuser.queryForObject("SELECT max(version::int) FROM flyway_schema_history", Integer.class))
                    .as("the previous release's schema").isEqualTo(8);
            Map<String, List<ObjectNode>> before = new LinkedHashMap<>();
            TABLES.forEach((table, key) -> before.put(table, rows(superuser, table, key, columns(superuser, table))));
            before.forEach((table, rows) -> assertThat(rows).as(table).isNotEmpty());
            long events = superuser.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            String headHash = superuser.queryForObject(
                    "SELECT encode(link_hash, 'hex') FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1", String.class);
            Map<String, Object> oldReferral = superuser.queryForMap(
                    "SELECT status, location, body FROM idempotency_record WHERE idempotency_key = ?", OLD_REFERRAL_KEY);

            List<String> differences = new ArrayList<>();
            try (ConfigurableApplicationContext service = start(cluster.jdbcUrl("dit"))) {
                Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
                awaitCaughtUp(api, superuser, events);
                assertThat(superuser.queryForObject("SELECT max(version::int) FROM flyway_schema_history", Integer.class))
                        .as("migrated").isGreaterThan(8);

                // every read model's rows, in the columns the previous release had
                before.forEach((table, rows) -> {
                    List<String> columns = new ArrayList<>();
                    rows.get(0).fieldNames().forEachRemaining(columns::add);
                    List<ObjectNode> after = rows(superuser, table, TABLES.get(table), columns);
                    if (after.size() != rows.size()) {
                        differences.add(table + ": " + rows.size() + " rows before, " + after.size() + " after");
                        return;
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        JsonNode expected = table.equals("outcome_episode") ? asRedefinedByV30(rows.get(i), name -> name)
                                : rows.get(i);
                        subset(table + "[" + rows.get(i).get(TABLES.get(table).split(",")[0]) + "]", expected,
                                after.get(i), differences);
                    }
                });

                // every answer of the previous release's API, in the fields it had
                old.get("asAdmin").fields().forEachRemaining(query -> compareAnswer(api, query.getKey(), query.getValue(),
                        differences));
                old.get("asAuditor").fields().forEachRemaining(query -> compareAnswer(api.as("auditor"), query.getKey(),
                        query.getValue(), differences));
                assertThat(differences).as(differences.size() + " differences").isEmpty();

                JsonNode verification = api.as("auditor").get("/api/audit/verify").json();
                assertThat(verification.get("verifiedEvents").asLong()).as(verification.toString()).isEqualTo(events);
                assertThat(verification.get("firstBrokenGlobalIndex").isNull()).as(verification.toString()).isTrue();
                assertThat(verification.get("headHash").asText()).isEqualTo(headHash)
                        .isEqualTo(old.get("asAuditor").get("/api/audit/verify").get("headHash").asText());

                // a request the previous release answered, repeated with its Idempotency-Key, gets that answer again
                Api.Response repeat = api.post("/api/episodes", OLD_REFERRAL, "Idempotency-Key", OLD_REFERRAL_KEY);
                assertThat(repeat.status()).as(repeat.toString()).isEqualTo(oldReferral.get("status"));
                assertThat(repeat.header("Location")).isEqualTo(oldReferral.get("location"));
                assertThat(repeat.json()).isEqualTo(JSON.readTree((String) oldReferral.get("body")));
                assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(superuser.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);

                // and the log goes on: a command on an episode the previous release wrote, and a new therapist
                String inTherapy = firstEpisodeInTherapy(old);
                int measures = api.get("/api/episodes/" + inTherapy).json().get("measures").size();
                Api.Response measure = api.post("/api/episodes/" + inTherapy + "/measures", Map.of("instrument", "PHQ9",
                        "items", List.of(1, 1, 1, 1, 1, 0, 0, 0, 0), "recordedOn", LocalDate.now(ZoneId.of("Europe/London")).toString()));
                assertThat(measure.status()).as(measure.toString()).isEqualTo(201);
                Api.Response therapist = api.post("/api/therapists",
                        Map.of("name", "Sam Afterwards", "accreditation", "QUALIFIED", "maxCaseload", 10));
                assertThat(therapist.status()).as(therapist.toString()).isEqualTo(201);
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(api.get("/api/episodes/" + inTherapy).json().get("measures")).hasSize(measures + 1);
                    JsonNode after = api.as("auditor").get("/api/audit/verify").json();
                    assertThat(after.get("verifiedEvents").asLong()).isGreaterThan(events)
                            .isEqualTo(superuser.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
                    assertThat(after.get("firstBrokenGlobalIndex").isNull()).as(after.toString()).isTrue();
                });
            } finally {
                connection.close();
            }
        }
    }

    private static String firstEpisodeInTherapy(JsonNode old) {
        Iterator<Map.Entry<String, JsonNode>> answers = old.get("asAdmin").fields();
        while (answers.hasNext()) {
            Map.Entry<String, JsonNode> answer = answers.next();
            if (answer.getKey().startsWith("/api/episodes/") && answer.getValue().get("status").asText().equals("IN_THERAPY")) {
                return answer.getValue().get("episodeId").asText();
            }
        }
        throw new AssertionError("no episode in therapy in the previous release's answers");
    }

    /**
     * One GET of the previous release's API against this version. The outcome answers that issue 13 redefined on
     * purpose (docs/design.md §3) are expected as redefined: each episode's flags and caseness as V30 says, the period
     * reports' rates over finished courses, and every month of a period a row.
     */
    private static void compareAnswer(Api api, String query, JsonNode old, List<String> differences) {
        Api.Response response = api.get(query);
        if (response.status() != 200) {
            differences.add("GET " + query + ": " + response);
            return;
        }
        JsonNode now = response.json();
        if (query.startsWith("/api/outcomes/episodes/")) {
            subset("GET " + query, asRedefinedByV30(old, UpgradeTest::camelCase), now, differences);
        } else if (query.startsWith("/api/outcomes/monthly")) {
            Map<String, JsonNode> months = new LinkedHashMap<>();
            now.forEach(month -> months.put(month.get("month").asText(), month));
            old.forEach(month -> subset("GET " + query + " " + month.get("month").asText(),
                    asRedefinedByIssue13(month), months.remove(month.get("month").asText()), differences));
            // the months the previous release left out had no endings: zero rows now
            months.forEach((month, row) -> old.get(0).fieldNames().forEachRemaining(field -> {
                if (!field.equals("month") && !REDEFINED_POPULATIONS.contains(field)
                        && !(row.get(field).isNull() || row.get(field).isNumber() && row.get(field).asLong() == 0)) {
                    differences.add("GET " + query + " " + month + "." + field + ": " + row.get(field) + " in a month with no ending");
                }
            }));
        } else if (query.startsWith("/api/outcomes?")) {
            subset("GET " + query, asRedefinedByIssue13(old), now, differences);
        } else {
            subset("GET " + query, old, now, differences);
        }
    }

    /**
     * V30: an episode that is not paired is neither recovered, nor improved, nor deteriorated (false, no longer null),
     * and caseness is known whenever the first scores tell it. Everything else stays as it was.
     */
    private static JsonNode asRedefinedByV30(JsonNode old, java.util.function.UnaryOperator<String> name) {
        ObjectNode expected = old.deepCopy();
        if (!old.get(name.apply("paired")).asBoolean()) {
            for (String flag : List.of("recovered", "reliable_improvement", "reliable_deterioration", "reliable_recovery")) {
                if (old.get(name.apply(flag)).isNull()) {
                    expected.put(name.apply(flag), false);
                }
            }
        }
        if (old.get(name.apply("at_caseness")).isNull()) {
            JsonNode phq9 = old.get(name.apply("first_phq9"));
            JsonNode gad7 = old.get(name.apply("first_gad7"));
            if (!phq9.isNull() && phq9.asInt() >= 10 || !gad7.isNull() && gad7.asInt() >= 8) {
                expected.put(name.apply("at_caseness"), true);
            } else if (!phq9.isNull() && !gad7.isNull()) {
                expected.put(name.apply("at_caseness"), false);
            }
        }
        return expected;
    }

    /**
     * Issue 13 (docs/design.md §3): recovery and reliable change are rates over every finished course, paired or not
     * (recovery's over those not below caseness), computed here from the counts the previous release gave, which stay.
     * The second-treatment waits now count the episodes whose second attended session falls in the period, ended or
     * not: another population, so they are not compared (OutcomesApiTest checks them).
     */
    private static JsonNode asRedefinedByIssue13(JsonNode old) {
        ObjectNode expected = old.deepCopy();
        long finished = old.get("finishedCourse").asLong();
        long atCasenessOrUnknown = finished - old.get("notAtCaseness").asLong();
        expected.set("recoveryRate", rate(old.get("recovered"), atCasenessOrUnknown));
        expected.set("reliableRecoveryRate", rate(old.get("reliablyRecovered"), atCasenessOrUnknown));
        expected.set("reliableImprovementRate", rate(old.get("reliablyImproved"), finished));
        expected.set("reliableDeteriorationRate", rate(old.get("reliablyDeteriorated"), finished));
        REDEFINED_POPULATIONS.forEach(expected::remove);
        return expected;
    }

    private static JsonNode rate(JsonNode count, long denominator) {
        return denominator == 0 ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.numberNode((double) count.asLong() / denominator);
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        for (String part : column.split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        return new SpringApplication(DitApplication.class).run("--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=dit_app",
                "--spring.datasource.password=", "--spring.flyway.user=dit_owner", "--spring.flyway.password=",
                "--logging.level.root=WARN");
    }

    /** Every projection (those of this test and any later ones) at the head of the log, and the chain over every event. */
    private static void awaitCaughtUp(Api api, JdbcTemplate jdbc, long events) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode statuses = api.get("/api/admin/projections").json();
            List<String> names = new ArrayList<>();
            boolean caughtUp = true;
            for (JsonNode status : statuses) {
                names.add(status.get("name").asText());
                caughtUp &= status.get("caughtUp").asBoolean() && !status.get("replaying").asBoolean();
                // V62 rebuilds every read model from replay tokens: behind the head means rebuilding, and says so
                assertThat(status.get("caughtUp").asBoolean() || status.get("replaying").asBoolean())
                        .as(status.get("name").asText() + " behind the head without saying it is rebuilding").isTrue();
            }
            caughtUp &= names.containsAll(PROJECTIONS);
            Long chained = jdbc.queryForObject("SELECT count(*) FROM audit_hash_chain", Long.class);
            return caughtUp && chained != null && chained == events;
        });
    }

    private static List<String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position""", String.class, table);
    }

    private static List<ObjectNode> rows(JdbcTemplate jdbc, String table, String key, List<String> columns) {
        return jdbc.queryForList("SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY " + key).stream()
                .map(UpgradeTest::json).toList();
    }

    /** A row as JSON: JSON columns (and the facts, JSON kept as text) parsed, arrays as lists, times and dates as ISO text. */
    private static ObjectNode json(Map<String, Object> row) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        row.forEach((column, value) -> {
            try {
                if (value instanceof PGobject object) {
                    node.set(column, object.getValue() == null ? null : JSON.readTree(object.getValue()));
                } else if ("facts".equals(column) && value instanceof String text) {
                    // the facts were jsonb before V63 and are the same JSON as text since
                    node.set(column, JSON.readTree(text));
                } else if (value instanceof java.sql.Array array) {
                    node.set(column, JSON.valueToTree(array.getArray()));
                } else if (value instanceof java.sql.Timestamp timestamp) {
                    node.put(column, timestamp.toInstant().toString());
                } else if (value instanceof java.sql.Date || value instanceof java.util.UUID) {
                    node.put(column, value.toString());
                } else {
                    node.set(column, JSON.valueToTree(value));
                }
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(column, e);
            }
        });
        return node;
    }

    /** Whatever was in {@code old} is in {@code now} and equal; {@code now} may have more fields. */
    private static void subset(String path, JsonNode old, JsonNode now, List<String> differences) {
        if (old == null || old.isNull()) {
            if (now != null && !now.isNull()) {
                differences.add(path + ": null before, " + now + " now");
            }
        } else if (now == null || now.isMissingNode()) {
            differences.add(path + ": gone (was " + old + ")");
        } else if (old.isObject()) {
            old.fieldNames().forEachRemaining(field -> subset(path + "." + field, old.get(field), now.get(field), differences));
        } else if (old.isArray()) {
            if (!now.isArray() || now.size() != old.size()) {
                differences.add(path + ": " + old + " before, " + now + " now");
            } else {
                for (int i = 0; i < old.size(); i++) {
                    subset(path + "[" + i + "]", old.get(i), now.get(i), differences);
                }
            }
        } else if (old.isNumber() && now.isNumber()) {
            if (old.decimalValue().compareTo(now.decimalValue()) != 0) {
                differences.add(path + ": " + old + " before, " + now + " now");
            }
        } else if (!old.equals(now)) {
            differences.add(path + ": " + old + " before, " + now + " now");
        }
    }

    private static JsonNode answers() throws IOException {
        try (InputStream in = new GZIPInputStream(UpgradeTest.class.getResourceAsStream("/upgrade/dit-" + RELEASE
                + "-answers.json.gz"))) {
            return JSON.readTree(in);
        }
    }

    private static String resource(String name) {
        try (InputStream in = UpgradeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
