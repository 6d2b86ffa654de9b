package org.dit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure by crypto-shredding: once the client's data key is destroyed every read, replay and audit view answers
 * without error and without their data, the scores stay, and the hash chain still verifies.
 */
@ApiTest
class ClientErasureApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api lead;
    Api admin;
    Api supervisor;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        lead = new Api(port);
        admin = lead.as("admin");
        supervisor = lead.as("supervisor");
        clinic = new Clinic(lead);
    }

    private static Map<String, Object> inError() {
        return Map.of("reason", "Registered in error: a duplicate record", "registeredInError", true);
    }

    @Test
    void givenAWholeCourseErasedAsRegisteredInError_whenEverythingIsReadAndReplayed_thenNoneOfTheirDataRemainsAndNothingFails() {
        PersonalDataApiTest.Course course = PersonalDataApiTest.aWholeCourse(lead, clinic);
        clinic.clientWhen(course.clientId(), c -> c.get("episodes").size() == 1
                && "ENDED".equals(c.get("episodes").get(0).get("status").asText()));
        PersonalDataApiTest.awaitCaughtUp(lead);
        JsonNode outcomeBefore = lead.get("/api/outcomes/episodes/" + course.episodeId()).json();
        JsonNode measuresBefore = lead.get("/api/episodes/" + course.episodeId()).json().get("measures");

        accepted(supervisor.post("/api/clients/" + course.clientId() + "/erasure-approval",
                Map.of("reason", "Registered twice; the other record is the right one")));
        Api.Response erased = admin.post("/api/clients/" + course.clientId() + "/erasure", inError());

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT destroyed_at IS NOT NULL AND wrapped_key IS NULL FROM crypto_data_key "
                + "WHERE client_id = ?", Boolean.class, UUID.fromString(course.clientId()))).isTrue();
        JsonNode client = clinic.clientWhen(course.clientId(), c -> "FORGOTTEN".equals(c.get("status").asText()));
        for (String field : List.of("nhsNumber", "givenName", "familyName", "dateOfBirth", "postcode", "phone", "email")) {
            assertThat(client.get(field).isNull()).as(field).isTrue();
        }
        assertThat(client.get("episodes")).hasSize(1);
        PersonalDataApiTest.awaitCaughtUp(lead);
        Map<String, String> typed = course.typed();
        assertThat(lead.get("/api/clients?nhsNumber=" + typed.get("nhsNumber")).json().get("total").asLong()).isZero();
        assertThat(lead.get("/api/clients?familyName=" + typed.get("familyName") + "&dateOfBirth=" + typed.get("dateOfBirth"))
                .json().get("total").asLong()).isZero();

        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("client", lead.get("/api/clients/" + course.clientId()).text());
        reads.put("episode", lead.get("/api/episodes/" + course.episodeId()).text());
        reads.put("caseload", lead.get("/api/caseloads/" + course.therapistId()).text());
        reads.put("audit events", lead.as("auditor").get("/api/audit/episodes/" + course.episodeId() + "/events").text());
        reads.put("audit state", lead.as("auditor").get("/api/audit/episodes/" + course.episodeId() + "/state?asOf="
                + Instant.now()).text());
        reads.put("export", lead.as("auditor").get("/api/audit/events?after=0").text());
        reads.forEach((read, answer) -> {
            for (String datum : typed.values()) {
                assertThat(answer).as(read + " after the erasure shows " + datum).doesNotContain(datum);
            }
        });
        // every read-model table that keeps folded facts, found in the catalogue so that a new one cannot be missed
        List<String> factsTables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND column_name = 'facts'""", String.class);
        assertThat(factsTables).contains("episode_view", "caseload_episode", "outcome_episode", "risk_worklist_episode");
        for (String table : factsTables) {
            List<String> rows = jdbc.queryForList("SELECT facts FROM " + table + " WHERE facts::jsonb ->> 'clientId' = ?",
                    String.class, course.clientId());
            assertThat(rows).as(table).isNotEmpty();
            for (String datum : typed.values()) {
                assertThat(rows).as(table + " after the erasure holds " + datum).noneMatch(row -> row.contains(datum));
            }
        }
        JsonNode episode = lead.get("/api/episodes/" + course.episodeId()).json();
        assertThat(episode.get("focus").isNull()).isTrue();
        assertThat(episode.get("measures")).isEqualTo(measuresBefore);
        assertThat(lead.as("auditor").get("/api/audit/episodes/" + course.episodeId() + "/state?asOf=" + Instant.now())
                .json().get("focus").isNull()).isTrue();
        assertThat(lead.get("/api/outcomes/episodes/" + course.episodeId()).json())
                .as("the scores stay, pseudonymous").isEqualTo(outcomeBefore);
        JsonNode verified = lead.as("auditor").get("/api/audit/verify").json();
        assertThat(verified.get("firstBrokenGlobalIndex").isNull()).as(verified.toString()).isTrue();

        List<String> queries = PersonalDataApiTest.answersOf(course).stream().filter(q -> !q.contains("?")).toList();
        Map<String, JsonNode> afterErasure = answers(queries);
        for (String projection : PersonalDataApiTest.PROJECTIONS) {
            assertThat(lead.post("/api/admin/projections/" + projection + "/replay", null).status()).isEqualTo(202);
        }
        PersonalDataApiTest.awaitCaughtUp(lead);
        Map<String, JsonNode> replayed = answers(queries);
        assertThat(replayed.get("/api/clients/" + course.clientId())).isEqualTo(afterErasure.get("/api/clients/" + course.clientId()));
        assertThat(replayed.get("/api/episodes/" + course.episodeId())).isEqualTo(afterErasure.get("/api/episodes/" + course.episodeId()));
        assertThat(replayed.get("/api/outcomes/episodes/" + course.episodeId())).isEqualTo(outcomeBefore);
        lead.get("/api/admin/projections").json().forEach(p -> assertThat(p.get("deadLetters").asLong())
                .as(p.get("name").asText()).isZero());
    }

    @Test
    void givenAnErasedClient_whenAnythingMoreIsRecordedAboutThem_then409ClientForgotten_andTheirNhsNumberIsFreeAgain() {
        Map<String, Object> registration = Clinic.inventedClient();
        String clientId = clinic.registerClient(registration);
        String episodeId = clinic.referClient(clientId);
        Map<String, Object> notSuitable = new HashMap<>(Clinic.suitableAssessment());
        notSuitable.put("suitable", false);
        Api.Response assessment = lead.post("/api/episodes/" + episodeId + "/assessment", notSuitable);
        accepted(assessment);
        accepted(supervisor.post("/api/clients/" + clientId + "/erasure-approval", Map.of("reason", "Wrong person")));
        accepted(admin.post("/api/clients/" + clientId + "/erasure", inError()));

        assertForgotten(lead.post("/api/episodes", Clinic.referral(clientId)));
        Map<String, Object> corrected = new HashMap<>(registration);
        corrected.put("reason", "Late correction");
        assertForgotten(lead.post("/api/clients/" + clientId + "/details", corrected));
        assertForgotten(admin.post("/api/clients/" + clientId + "/erasure", inError()));
        // the episode takes this command in any state, and its reason would be sealed under the destroyed key
        assertForgotten(lead.post("/api/episodes/" + episodeId + "/measures/" + assessment.json().get("phq9MeasureId").asText()
                + "/entered-in-error", Map.of("reason", "Belonged to another client")));
        assertThat(lead.post("/api/clients", registration).status()).as("the NHS number is free again").isEqualTo(201);
    }

    @Test
    void givenAnEpisodeThatEndedMoreThanTwentyYearsAgo_whenErased_thenForgottenForRetention() {
        String clientId = clinic.registerClient();
        Api.Response referral = lead.post("/api/episodes", Map.of("clientId", clientId, "referralSource", "GP",
                "referredOn", "2001-01-02", "presentingProblem", "DEPRESSION", "priority", "ROUTINE"));
        accepted(referral);
        Map<String, Object> notSuitable = new HashMap<>(Clinic.suitableAssessment());
        notSuitable.put("suitable", false);
        notSuitable.put("assessedOn", "2001-01-09");
        accepted(lead.post("/api/episodes/" + referral.json().get("episodeId").asText() + "/assessment", notSuitable));

        Api.Response erased = admin.post("/api/clients/" + clientId + "/erasure", Map.of("reason", "Retention period ended"));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(clinic.clientWhen(clientId, c -> "FORGOTTEN".equals(c.get("status").asText())).get("givenName").isNull())
                .isTrue();
    }

    @Test
    void givenARecentEndingOrAnOpenEpisode_whenErasedForRetention_then409RetentionNotReached() {
        String ended = clinic.registerClient();
        String episodeId = clinic.referClient(ended);
        Map<String, Object> notSuitable = new HashMap<>(Clinic.suitableAssessment());
        notSuitable.put("suitable", false);
        accepted(lead.post("/api/episodes/" + episodeId + "/assessment", notSuitable));
        String open = clinic.registerClient();
        clinic.referClient(open);

        for (String clientId : List.of(ended, open, clinic.registerClient())) {
            Api.Response response = admin.post("/api/clients/" + clientId + "/erasure", Map.of("reason", "Too soon"));
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/retention-not-reached");
        }
    }

    @Test
    void givenNoApprovalOrTheApproversOwnRequest_whenErasedAsRegisteredInError_then409ErasureNotApproved() {
        String clientId = clinic.registerClient();

        Api.Response unapproved = admin.post("/api/clients/" + clientId + "/erasure", inError());
        accepted(lead.post("/api/clients/" + clientId + "/erasure-approval", Map.of("reason", "Duplicate")));
        Api.Response ownApproval = lead.post("/api/clients/" + clientId + "/erasure", inError());

        for (Api.Response response : List.of(unapproved, ownApproval)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/erasure-not-approved");
        }
        assertThat(admin.post("/api/clients/" + clientId + "/erasure", inError()).status()).isEqualTo(200);
    }

    @Test
    void givenOtherRoles_whenTheyApproveOrErase_then403() {
        String clientId = clinic.registerClient();
        Api therapist = lead.withBearer(TestTokens.token("therapist-e", List.of("THERAPIST"), UUID.randomUUID()));
        Map<String, Api> callers = Map.of("reporting", lead.as("reporting"), "auditor", lead.as("auditor"),
                "therapist", therapist);
        callers.forEach((name, caller) -> {
            assertThat(caller.post("/api/clients/" + clientId + "/erasure-approval", Map.of("reason", "x")).status())
                    .as(name).isEqualTo(403);
            assertThat(caller.post("/api/clients/" + clientId + "/erasure", inError()).status()).as(name).isEqualTo(403);
        });
        assertThat(admin.post("/api/clients/" + clientId + "/erasure-approval", Map.of("reason", "x")).status())
                .as("approval is a supervisor's").isEqualTo(403);
        assertThat(supervisor.post("/api/clients/" + clientId + "/erasure", inError()).status())
                .as("erasure is an administrator's").isEqualTo(403);
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

    private static void assertForgotten(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/client-forgotten");
    }
}
