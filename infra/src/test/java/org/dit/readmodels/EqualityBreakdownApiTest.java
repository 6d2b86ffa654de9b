package org.dit.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Equality breakdowns of the period report ({@code groupBy}), over HTTP: each group its own report, groups of fewer than
 * 5 episodes suppressed with no figure at all, demographics taken from the sealed client record at query time. The
 * history lies in 2019, a year no other test writes to, and one therapist holds it.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EqualityBreakdownApiTest {

    private static final String PERIOD = "/api/outcomes?from=2019-01-01&to=2019-12-31";

    @LocalServerPort
    int port;

    Api api;
    String therapist;
    int courses;

    /** Five White British women in their thirties, all recovered; a Black African man and an 18-year-old, not recovered. */
    @BeforeAll
    void aYearOfFinishedCourses() {
        api = new Api(port);
        therapist = new Clinic(api).registerTherapist(20);
        for (int i = 0; i < 5; i++) {
            finishedCourse(client("A", "FEMALE", "1985-06-01"), true);
        }
        finishedCourse(client("N", "MALE", "1985-06-01"), false);
        finishedCourse(client("N", "MALE", "2001-01-02"), false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(PERIOD + "&therapistId=" + therapist).json().get("ended").asLong() == 7);
    }

    @Test
    void givenSevenCourses_whenGroupedByEthnicity_thenTheWhiteGroupHasItsOwnRates_andTheGroupOfTwoIsSuppressed() {
        JsonNode report = api.as("reporting").get(PERIOD + "&therapistId=" + therapist + "&groupBy=ethnicity").json();

        assertThat(report.get("groupBy").asText()).isEqualTo("ethnicity");
        assertThat(report.get("ended").asLong()).as("the whole period stays reported").isEqualTo(7);
        Map<String, JsonNode> groups = groups(report);
        assertThat(groups).containsOnlyKeys("White", "Black or Black British");
        JsonNode white = groups.get("White");
        assertThat(white.get("suppressed").asBoolean()).isFalse();
        assertThat(white.get("episodes").asLong()).isEqualTo(5);
        assertThat(white.get("outcomes").get("finishedCourse").asLong()).isEqualTo(5);
        assertThat(white.get("outcomes").get("recoveryRate").asDouble()).isEqualTo(1.0);
        JsonNode black = groups.get("Black or Black British");
        assertThat(black.get("suppressed").asBoolean()).isTrue();
        assertThat(black.get("episodes").isNull()).as("not even how many").isTrue();
        assertThat(black.get("outcomes").isNull()).isTrue();
    }

    @Test
    void givenSevenCourses_whenGroupedByGenderAgeBandOrTherapist_thenEachEpisodeFallsInOneGroup() {
        Map<String, JsonNode> byGender = groups(api.get(PERIOD + "&therapistId=" + therapist + "&groupBy=gender").json());
        assertThat(byGender).containsOnlyKeys("FEMALE", "MALE");
        assertThat(byGender.get("FEMALE").get("episodes").asLong()).isEqualTo(5);
        assertThat(byGender.get("MALE").get("suppressed").asBoolean()).isTrue();

        // ages at referral in March 2019: 33 for those born in June 1985, 18 for the one born in January 2001
        Map<String, JsonNode> byAge = groups(api.get(PERIOD + "&therapistId=" + therapist + "&groupBy=ageBand").json());
        assertThat(byAge).containsOnlyKeys("26-35", "18-25");
        assertThat(byAge.get("26-35").get("episodes").asLong()).isEqualTo(6);
        assertThat(byAge.get("26-35").get("outcomes").get("recovered").asLong()).isEqualTo(5);
        assertThat(byAge.get("18-25").get("suppressed").asBoolean()).isTrue();

        Map<String, JsonNode> byTherapist = groups(api.get(PERIOD + "&therapistId=" + therapist + "&groupBy=therapist")
                .json());
        assertThat(byTherapist).containsOnlyKeys(therapist);
        assertThat(byTherapist.get(therapist).get("episodes").asLong()).isEqualTo(7);
    }

    @Test
    void givenAGroupingNotOffered_whenAsked_then400NamingGroupBy_andReportingNeverSeesAClientField() {
        Api.Response refused = api.get(PERIOD + "&groupBy=postcode");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("groupBy");

        String text = api.as("reporting").get(PERIOD + "&therapistId=" + therapist + "&groupBy=ethnicity").text();
        for (String field : List.of("clientId", "episodeId", "dateOfBirth", "familyName", "nhsNumber")) {
            assertThat(text).doesNotContain(field);
        }
    }

    private static Map<String, JsonNode> groups(JsonNode report) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        report.get("groups").forEach(g -> groups.put(g.get("group").asText(), g));
        return groups;
    }

    private String client(String ethnicCategory, String gender, String dateOfBirth) {
        Map<String, Object> client = new LinkedHashMap<>(Clinic.inventedClient());
        client.put("ethnicCategory", ethnicCategory);
        client.put("gender", gender);
        client.put("dateOfBirth", dateOfBirth);
        return new Clinic(api).registerClient(client);
    }

    /** Referred 1 March 2019, two sessions (each course at its own hour), ended 1 May: recovered (PHQ-9 15 → 6, GAD-7 12 → 4) or not (15 → 15). */
    private void finishedCourse(String clientId, boolean recovers) {
        Api.Response referral = api.post("/api/episodes", Map.of("clientId", clientId, "referralSource", "GP",
                "referredOn", "2019-03-01", "presentingProblem", "MIXED", "priority", "ROUTINE"));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        String e = "/api/episodes/" + referral.json().get("episodeId").asText();
        accepted(e + "/assessment", Map.of("assessedOn", "2019-03-08", "suitable", true,
                "phq9", OutcomesApiTest.PHQ9_15, "gad7", OutcomesApiTest.GAD7_12));
        accepted(e + "/allocation", Map.of("therapistId", therapist, "allocatedOn", "2019-03-09"));
        LocalDate first = LocalDate.of(2019, 3, 11);
        String hour = "T%02d:00:00Z".formatted(8 + courses++);
        for (int n = 1; n <= 2; n++) {
            Api.Response booked = api.post(e + "/sessions", Map.of("startsAt", first.plusWeeks(n - 1) + hour,
                    "mode", "VIDEO"));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            boolean last = n == 2 && recovers;
            accepted(e + "/sessions/" + booked.json().get("sessionNumber").asInt() + "/attendance",
                    Map.of("phq9", last ? OutcomesApiTest.PHQ9_6 : OutcomesApiTest.PHQ9_15,
                            "gad7", last ? OutcomesApiTest.GAD7_4 : OutcomesApiTest.GAD7_12));
        }
        accepted(e + "/ending", Map.of("endedOn", "2019-05-01", "reason", "DROPPED_OUT"));
    }

    private void accepted(String path, Object body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " -> " + response).isBetween(200, 299);
    }
}
