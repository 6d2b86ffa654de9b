package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each class of bad input is a 400 problem naming the field; each refused rule a 409 naming the rule; none appends. */
@ApiTest
class BadInputApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Clinic clinic;
    EventLog log;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
        log = new EventLog(jdbc);
    }

    /** Bad input is refused before the client is looked up: these referrals need no registered client. */
    private static final String UNREGISTERED_CLIENT = "5f0c7d5e-2b8a-4c61-9a57-3f1f2d3c4b5a";

    private static Map<String, Object> referralWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Clinic.referral(UNREGISTERED_CLIENT));
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> assessmentWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Clinic.suitableAssessment());
        body.put(field, value);
        return body;
    }

    /** Sends the request and checks: 400, problem+json, type invalid-input, the field named, nothing appended. */
    private JsonNode refusedAsInvalid(String field, java.util.function.Supplier<Api.Response> request) {
        long before = log.size();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("invalidParams").findValuesAsText("name")).contains(field);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(log.size()).isEqualTo(before);
        return problem;
    }

    private void refusedByRule(String rule, int status, java.util.function.Supplier<Api.Response> request) {
        long before = log.size();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/" + rule);
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenAnUnknownField_whenReferring_thenRefusedNamingTheField() {
        refusedAsInvalid("favouriteColour", () -> api.post("/api/episodes", referralWith("favouriteColour", "blue")));
    }

    @Test
    void givenAWrongEnumValue_whenReferring_thenRefusedNamingTheField() {
        JsonNode problem = refusedAsInvalid("presentingProblem",
                () -> api.post("/api/episodes", referralWith("presentingProblem", "SADNESS")));
        assertThat(problem.get("invalidParams").get(0).get("reason").asText()).contains("DEPRESSION");
    }

    @Test
    void givenAMalformedDate_whenReferring_thenRefusedNamingTheField() {
        refusedAsInvalid("referredOn", () -> api.post("/api/episodes", referralWith("referredOn", "2026-13-45")));
    }

    @Test
    void givenAMissingField_whenReferring_thenRefusedNamingTheField() {
        Map<String, Object> body = new HashMap<>(Clinic.referral(UNREGISTERED_CLIENT));
        body.remove("referredOn");
        refusedAsInvalid("referredOn", () -> api.post("/api/episodes", body));
    }

    @Test
    void givenAReferralDateInTheFuture_whenReferring_thenRefused() {
        refusedAsInvalid("referredOn",
                () -> api.post("/api/episodes", referralWith("referredOn", LocalDate.now().plusDays(2).toString())));
    }

    @Test
    void givenAnEmptyBody_whenReferring_thenRefusedNamingTheBody() {
        refusedAsInvalid("body", () -> api.post("/api/episodes", ""));
    }

    @Test
    void givenMalformedJson_whenReferring_thenRefusedNamingTheBody() {
        refusedAsInvalid("body", () -> api.post("/api/episodes", "{\"clientId\": "));
    }

    @Test
    void givenAPhq9WithEightItems_whenAssessing_thenRefusedNamingPhq9() {
        String episodeId = clinic.referClient();
        refusedAsInvalid("phq9", () -> api.post("/api/episodes/" + episodeId + "/assessment",
                assessmentWith("phq9", List.of(1, 1, 1, 1, 1, 1, 1, 1))));
    }

    @Test
    void givenAnItemScoredFour_whenAssessing_thenRefusedNamingPhq9() {
        String episodeId = clinic.referClient();
        refusedAsInvalid("phq9", () -> api.post("/api/episodes/" + episodeId + "/assessment",
                assessmentWith("phq9", List.of(4, 1, 1, 1, 1, 1, 1, 1, 1))));
    }

    @Test
    void givenAGad7ItemScoredFour_whenRecordingAMeasure_thenRefusedNamingItems() {
        String episodeId = clinic.referClient();
        refusedAsInvalid("items", () -> api.post("/api/episodes/" + episodeId + "/measures",
                Map.of("instrument", "GAD7", "items", List.of(0, 1, 2, 3, 4, 0, 0), "recordedOn", "2026-03-05")));
    }

    @Test
    void givenAStringWhereANumberBelongs_whenRecordingAMeasure_thenRefusedNamingTheField() {
        String episodeId = clinic.referClient();
        refusedAsInvalid("items[1]", () -> api.post("/api/episodes/" + episodeId + "/measures",
                "{\"instrument\":\"PHQ9\",\"items\":[0,\"two\",0,0,0,0,0,0,0],\"recordedOn\":\"2026-03-05\"}"));
    }

    @Test
    void givenAnIdThatIsNotAUuid_whenSendingACommand_thenRefusedNamingThePathVariable() {
        refusedAsInvalid("episodeId", () -> api.post("/api/episodes/not-a-uuid/assessment", Clinic.suitableAssessment()));
    }

    @Test
    void givenAnUnknownEpisode_whenSendingACommand_thenNotFound() {
        refusedByRule("not-found", 404,
                () -> api.post("/api/episodes/" + UUID.randomUUID() + "/assessment", Clinic.suitableAssessment()));
    }

    @Test
    void givenNoFocus_whenSessionFiveIsAttended_thenRefusedNamingTheRule() {
        String therapistId = clinic.registerTherapist(5);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        for (int n = 1; n <= 4; n++) {
            clinic.book(episodeId, Clinic.week(n));
            clinic.attend(episodeId, n, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        }
        clinic.book(episodeId, Clinic.week(5));

        refusedByRule("focus-not-agreed", 409, () -> api.post("/api/episodes/" + episodeId + "/sessions/5/attendance",
                Map.of("phq9", Clinic.PHQ9_MILD)));
    }

    @Test
    void givenAWaitingClient_whenASessionIsBooked_thenRefusedAsNotInTherapy() {
        String episodeId = clinic.waitingClient();
        refusedByRule("episode-not-in-therapy", 409, () -> api.post("/api/episodes/" + episodeId + "/sessions",
                Map.of("startsAt", Clinic.week(1).toString(), "mode", "VIDEO")));
    }

    @Test
    void givenACompletedEndingWithoutTheEndingPhase_whenEnding_thenRefused() {
        String therapistId = clinic.registerTherapist(5);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        refusedByRule("completion-requirements-not-met", 409, () -> api.post("/api/episodes/" + episodeId + "/ending",
                Map.of("endedOn", "2026-04-01", "reason", "COMPLETED")));
    }

    @Test
    void givenARequestWithoutBody_whenTheEndpointNeedsNone_thenAccepted() {
        String therapistId = clinic.registerTherapist(5);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        clinic.book(episodeId, Clinic.week(1));

        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/sessions/1/missed", null));
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/sessions", Map.of("startsAt", Clinic.week(2).toString(),
                "mode", "PHONE")));
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/sessions/2/attendance", null));
    }
}
