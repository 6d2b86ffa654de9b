package org.dit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personal data never lies in clear in the log: after a whole course the event table's bytes hold none of the client's
 * identifying details nor anything typed about them, while the API shows all of it, and a replay of every projection
 * gives the same answers.
 */
@ApiTest
class PersonalDataApiTest {

    static final List<String> PROJECTIONS = List.of("episode-view", "caseload", "waiting-list", "outcomes", "client-view");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api lead;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        lead = new Api(port);
        clinic = new Clinic(lead);
    }

    /** A course, and everything typed about its client in it. */
    record Course(String clientId, String episodeId, String therapistId, Map<String, String> typed) {
    }

    /** Every kind of personal datum the service takes, each a distinctive invented text. */
    static Course aWholeCourse(Api lead, Clinic clinic) {
        Map<String, String> typed = new LinkedHashMap<>();
        String nhsNumber = Clinic.testNhsNumber();
        typed.put("nhsNumber", nhsNumber);
        typed.put("givenName", "Quillonetta");
        typed.put("familyName", "Snorrowbright-" + Clinic.inventedFamilyName().substring(11));
        typed.put("dateOfBirth", "1987-02-23");
        typed.put("postcode", "LS6 9QZ");
        typed.put("phone", "01632 960123");
        typed.put("email", "quillonetta.snorrowbright@example.org");
        typed.put("referralSource", "Dr Wimbleknot's surgery");
        typed.put("notes", "Sleeps badly since the quarrel with Aunt Brimblecombe");
        typed.put("selfRepresentation", "Forever the spare wheel at Brimblecombe gatherings");
        typed.put("revisedSelf", "The one Brimblecombe relatives talk over");
        typed.put("revisionReason", "Reworded after the Brimblecombe letter");
        typed.put("cancellationReason", "Clashes with the Wimbleknot funeral");
        typed.put("correctionReason", "Recorded against the wrong Wimbleknot twin");
        typed.put("enteredInErrorReason", "Scores of the Brimblecombe household, not the client");
        typed.put("extensionReason", "Bereavement of Great-aunt Brimblecombe");
        typed.put("sessionNote", "Spoke of Uncle Fettiplace's visits at length");
        typed.put("safetyPlan", "Rings cousin Wimbleknot-Ash when the thoughts come");
        typed.put("riskActions", "Dr Wimbleknot told of the Fettiplace disclosure");

        Map<String, Object> client = new LinkedHashMap<>(Clinic.inventedClient());
        for (String field : List.of("nhsNumber", "givenName", "familyName", "dateOfBirth", "postcode", "phone", "email")) {
            client.put(field, typed.get(field));
        }
        String clientId = clinic.registerClient(client);
        String therapistId = clinic.registerTherapist(3);
        Api.Response referral = lead.post("/api/episodes", Map.of("clientId", clientId, "referralSource",
                typed.get("referralSource"), "referredOn", Clinic.REFERRED_ON.toString(), "presentingProblem", "MIXED",
                "priority", "ROUTINE"));
        accepted(referral);
        String e = "/api/episodes/" + referral.json().get("episodeId").asText();
        Map<String, Object> assessment = new LinkedHashMap<>(Clinic.suitableAssessment());
        assessment.put("notes", typed.get("notes"));
        accepted(lead.post(e + "/assessment", assessment));
        accepted(lead.post(e + "/allocation", Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));
        String episodeId = e.substring(e.lastIndexOf('/') + 1);

        clinic.book(episodeId, Clinic.week(1));
        clinic.attend(episodeId, 1, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        accepted(lead.post(e + "/sessions/1/note", Map.of("text", typed.get("sessionNote"))));
        accepted(lead.post(e + "/risk-assessments", Map.of("assessedOn", Clinic.week(1).toString().substring(0, 10),
                "level", "MODERATE", "riskToSelf", "MODERATE", "riskToOthers", "LOW", "riskFromOthers", "LOW",
                "safetyPlan", typed.get("safetyPlan"), "actions", typed.get("riskActions"),
                "reviewBy", Clinic.week(3).toString().substring(0, 10))));
        clinic.book(episodeId, Clinic.week(2));
        accepted(lead.post(e + "/sessions/2/cancellation", Map.of("cancelledBy", "CLIENT",
                "reason", typed.get("cancellationReason"))));
        for (int n = 2; n <= 4; n++) {
            clinic.book(episodeId, Clinic.week(n));
            clinic.attend(episodeId, n, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        }
        Map<String, Object> focus = new LinkedHashMap<>(Clinic.FOCUS);
        focus.put("selfRepresentation", typed.get("selfRepresentation"));
        accepted(lead.post(e + "/focus", focus));
        focus.put("selfRepresentation", typed.get("revisedSelf"));
        focus.put("reason", typed.get("revisionReason"));
        accepted(lead.post(e + "/focus", focus));
        accepted(lead.post(e + "/sessions/4/correction", Map.of("outcome", "MISSED", "reason", typed.get("correctionReason"))));
        accepted(lead.post(e + "/sessions/4/correction", Map.of("outcome", "ATTENDED", "reason", "Put right")));
        Api.Response measure = lead.post(e + "/measures", Map.of("instrument", "GAD7", "items", Clinic.GAD7_MILD,
                "recordedOn", "2026-04-15"));
        accepted(measure);
        accepted(lead.post(e + "/measures/" + measure.json().get("measureId").asText() + "/entered-in-error",
                Map.of("reason", typed.get("enteredInErrorReason"))));
        accepted(lead.as("supervisor").post(e + "/extension", Map.of("additionalSessions", 1,
                "approvedBy", "Dr Supervisor (test)", "reason", typed.get("extensionReason"))));
        for (int n = 5; n <= 17; n++) {
            clinic.book(episodeId, Clinic.week(n));
            clinic.attend(episodeId, n, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);
            if (n == 14) {
                accepted(lead.post(e + "/goodbye-letter", Map.of("sharedOn", Clinic.week(14).toString().substring(0, 10))));
            }
        }
        accepted(lead.post(e + "/ending", Map.of("endedOn", Clinic.week(17).toString().substring(0, 10),
                "reason", "COMPLETED")));
        return new Course(clientId, episodeId, therapistId, typed);
    }

    @Test
    void givenAWholeCourse_whenTheEventTableIsReadAsBytes_thenNoPersonalDatumIsInIt_whileTheApiShowsThem() {
        Course course = aWholeCourse(lead, clinic);
        JsonNode client = clinic.clientWhen(course.clientId(), c -> c.get("episodes").size() == 1
                && "ENDED".equals(c.get("episodes").get(0).get("status").asText()));

        assertThat(lead.get("/api/clients?nhsNumber=" + course.typed().get("nhsNumber")).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(lead.get("/api/clients?familyName=" + course.typed().get("familyName") + "&dateOfBirth="
                + course.typed().get("dateOfBirth")).json().get("total").asLong()).isEqualTo(1);

        List<String> stored = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') FROM domain_event_entry""", String.class);
        for (String datum : course.typed().values()) {
            assertThat(stored).as("the event table holds " + datum).noneMatch(event -> event.contains(datum));
        }
        String spaced = course.typed().get("nhsNumber").substring(0, 3) + " " + course.typed().get("nhsNumber").substring(3, 6);
        assertThat(stored).noneMatch(event -> event.contains(spaced));
        for (String table : List.of("client_view", "client_episode", "cmd_client", "cmd_episode_client", "crypto_data_key",
                "crypto_index_key", "idempotency_record", "audit_access_log", "dead_letter_entry")) {
            List<String> rows = jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class);
            for (String datum : course.typed().values()) {
                String hex = HexFormat.of().formatHex(datum.getBytes(StandardCharsets.UTF_8));
                assertThat(rows).as(table + " holds " + datum).noneMatch(row -> row.contains(datum) || row.contains(hex));
            }
        }

        assertThat(client.get("nhsNumber").asText()).isEqualTo(course.typed().get("nhsNumber"));
        assertThat(client.get("givenName").asText()).isEqualTo(course.typed().get("givenName"));
        assertThat(client.get("familyName").asText()).isEqualTo(course.typed().get("familyName"));
        assertThat(client.get("dateOfBirth").asText()).isEqualTo(course.typed().get("dateOfBirth"));
        assertThat(client.get("postcode").asText()).isEqualTo(course.typed().get("postcode"));
        JsonNode episode = clinic.episodeWhen(course.episodeId(), ep -> "ENDED".equals(ep.get("status").asText()));
        assertThat(episode.get("focus").get("selfRepresentation").asText()).isEqualTo(course.typed().get("revisedSelf"));
        String audited = lead.as("auditor").get("/api/audit/episodes/" + course.episodeId() + "/events").text();
        for (String field : List.of("referralSource", "notes", "selfRepresentation", "revisionReason", "cancellationReason",
                "correctionReason", "enteredInErrorReason", "extensionReason", "sessionNote", "safetyPlan", "riskActions")) {
            assertThat(audited).as("the auditors' view shows the " + field).contains(course.typed().get(field));
        }
    }

    @Test
    void givenAWholeCourse_whenEveryProjectionIsReplayed_thenEveryAnswerIsTheSame() {
        Course course = aWholeCourse(lead, clinic);
        clinic.clientWhen(course.clientId(), c -> c.get("episodes").size() == 1
                && "ENDED".equals(c.get("episodes").get(0).get("status").asText()));
        awaitCaughtUp(lead);
        List<String> queries = answersOf(course);
        Map<String, JsonNode> before = answers(queries);

        jdbc.update("UPDATE client_view SET details = NULL, status = 'FORGOTTEN'");
        jdbc.update("UPDATE episode_view SET facts = jsonb_set(facts::jsonb, '{focus}', 'null')::text");
        for (String projection : PROJECTIONS) {
            assertThat(lead.post("/api/admin/projections/" + projection + "/replay", null).status()).isEqualTo(202);
        }
        awaitCaughtUp(lead);

        assertThat(answers(queries)).isEqualTo(before);
    }

    static List<String> answersOf(Course course) {
        return List.of("/api/clients/" + course.clientId(), "/api/clients?nhsNumber=" + course.typed().get("nhsNumber"),
                "/api/clients?familyName=" + course.typed().get("familyName") + "&dateOfBirth=" + course.typed().get("dateOfBirth"),
                "/api/episodes/" + course.episodeId(), "/api/outcomes/episodes/" + course.episodeId(),
                "/api/caseloads/" + course.therapistId());
    }

    private Map<String, JsonNode> answers(List<String> queries) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String query : queries) {
            Api.Response response = lead.get(query);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(200);
            answers.put(query, response.json());
        }
        return answers;
    }

    static void awaitCaughtUp(Api api) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode statuses = api.get("/api/admin/projections").json();
            List<Boolean> ready = new ArrayList<>();
            statuses.forEach(s -> ready.add(s.get("caughtUp").asBoolean() && !s.get("replaying").asBoolean()));
            return !ready.isEmpty() && !ready.contains(false);
        });
    }
}
