package org.dit.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outcome report as NHS England defines it (docs/design.md §3), over HTTP: rates over finished courses with the
 * unpaired course and the course of unknown caseness in their denominators, each period count over its own population,
 * national end codes, the default period and months without endings. The history lies in 2022, a year no other test
 * writes to, so the monthly report (which takes no therapist) sees exactly these episodes.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesApiTest {

    static final List<Integer> PHQ9_18 = List.of(2, 2, 2, 2, 2, 2, 2, 2, 2);
    static final List<Integer> PHQ9_15 = List.of(2, 2, 2, 2, 2, 2, 1, 1, 1);
    static final List<Integer> PHQ9_12 = List.of(2, 2, 2, 2, 1, 1, 1, 1, 0);
    static final List<Integer> PHQ9_8 = List.of(1, 1, 1, 1, 1, 1, 1, 1, 0);
    static final List<Integer> PHQ9_6 = List.of(1, 1, 1, 1, 1, 1, 0, 0, 0);
    static final List<Integer> PHQ9_3 = List.of(1, 1, 1, 0, 0, 0, 0, 0, 0);
    static final List<Integer> GAD7_12 = List.of(2, 2, 2, 2, 2, 1, 1);
    static final List<Integer> GAD7_9 = List.of(2, 2, 2, 1, 1, 1, 0);
    static final List<Integer> GAD7_6 = List.of(1, 1, 1, 1, 1, 1, 0);
    static final List<Integer> GAD7_4 = List.of(1, 1, 1, 1, 0, 0, 0);
    static final List<Integer> GAD7_2 = List.of(1, 1, 0, 0, 0, 0, 0);

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    Api api;
    String therapist;
    String recovered;
    String notAtCaseness;
    String unpaired;
    String casenessUnknown;
    String endedBeforeTreatment;
    String endedAfterOneSession;
    String longSecondWait;
    String notSuitable;

    private void accepted(String path, Object body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " -> " + response).isBetween(200, 299);
    }

    private String refer(String referredOn) {
        Api.Response response = api.post("/api/episodes", Map.of("clientId", new Clinic(api).registerClient(),
                "referralSource", "GP", "referredOn", referredOn, "presentingProblem", "MIXED", "priority", "ROUTINE"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("episodeId").asText();
    }

    /** Referred, assessed suitable with these scores a week later, allocated the day after. */
    private String inTherapy(String referredOn, List<Integer> phq9, List<Integer> gad7) {
        String episode = refer(referredOn);
        LocalDate referred = LocalDate.parse(referredOn);
        accepted("/api/episodes/" + episode + "/assessment", Map.of("assessedOn", referred.plusDays(7).toString(),
                "suitable", true, "phq9", phq9, "gad7", gad7));
        accepted("/api/episodes/" + episode + "/allocation", Map.of("therapistId", therapist,
                "allocatedOn", referred.plusDays(8).toString()));
        return episode;
    }

    /** Books and attends a session at 10:00 UTC that day, completing the questionnaires given (either may be null). */
    private void attend(String episode, String on, List<Integer> phq9, List<Integer> gad7) {
        Api.Response booked = api.post("/api/episodes/" + episode + "/sessions",
                Map.of("startsAt", on + "T10:00:00Z", "mode", "VIDEO"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        Map<String, Object> measures = new HashMap<>();
        if (phq9 != null) {
            measures.put("phq9", phq9);
        }
        if (gad7 != null) {
            measures.put("gad7", gad7);
        }
        accepted("/api/episodes/" + episode + "/sessions/" + booked.json().get("sessionNumber").asInt() + "/attendance",
                measures);
    }

    private void end(String episode, String on, String reason) {
        accepted("/api/episodes/" + episode + "/ending", Map.of("endedOn", on, "reason", reason));
    }

    @BeforeAll
    void aYearOfEndings() {
        api = new Api(port);
        therapist = new Clinic(api).registerTherapist(20);

        // paired, at caseness, recovered and reliably improved; first seen 42 days after referral
        recovered = inTherapy("2022-01-03", PHQ9_15, GAD7_12);
        attend(recovered, "2022-02-14", PHQ9_12, GAD7_9);
        attend(recovered, "2022-02-21", PHQ9_6, GAD7_4);
        end(recovered, "2022-04-04", "DROPPED_OUT");

        // paired, not at caseness (PHQ-9 8, GAD-7 6), reliably improved on the GAD-7; first seen 43 days after referral
        notAtCaseness = inTherapy("2022-01-04", PHQ9_8, GAD7_6);
        attend(notAtCaseness, "2022-02-16", PHQ9_6, GAD7_4);
        attend(notAtCaseness, "2022-02-23", PHQ9_3, GAD7_2);
        end(notAtCaseness, "2022-04-05", "OTHER");

        // finished, at caseness, but the GAD-7 only at assessment: unpaired, so neither recovered nor improved
        unpaired = inTherapy("2022-01-05", PHQ9_15, GAD7_12);
        attend(unpaired, "2022-02-10", PHQ9_8, null);
        attend(unpaired, "2022-02-17", PHQ9_6, null);
        end(unpaired, "2022-04-06", "DROPPED_OUT");

        // finished; the only PHQ-9 (18) entered in error and the GAD-7 below caseness: caseness unknown
        casenessUnknown = inTherapy("2022-01-06", PHQ9_18, GAD7_6);
        JsonNode assessed = new Clinic(api).episodeWhen(casenessUnknown, e -> e.get("measures").size() == 2);
        for (JsonNode measure : assessed.get("measures")) {
            if ("PHQ9".equals(measure.get("instrument").asText())) {
                accepted("/api/episodes/" + casenessUnknown + "/measures/" + measure.get("measureId").asText()
                        + "/entered-in-error", Map.of("reason", "scores of another client"));
            }
        }
        attend(casenessUnknown, "2022-02-11", null, GAD7_4);
        attend(casenessUnknown, "2022-02-18", null, GAD7_2);
        end(casenessUnknown, "2022-04-07", "DROPPED_OUT");

        endedBeforeTreatment = inTherapy("2022-01-07", PHQ9_15, GAD7_12);
        end(endedBeforeTreatment, "2022-04-08", "REFERRED_ON");

        endedAfterOneSession = inTherapy("2022-01-08", PHQ9_15, GAD7_12);
        attend(endedAfterOneSession, "2022-02-12", PHQ9_12, GAD7_9);
        end(endedAfterOneSession, "2022-04-09", "CLIENT_WITHDREW");

        // still in therapy: 94 days between the first and the second session
        longSecondWait = inTherapy("2022-01-09", PHQ9_15, GAD7_12);
        attend(longSecondWait, "2022-02-15", PHQ9_15, GAD7_12);
        attend(longSecondWait, "2022-05-20", PHQ9_12, GAD7_9);

        // assessed not suitable: ended on the assessment day, never allocated
        notSuitable = refer("2022-01-10");
        accepted("/api/episodes/" + notSuitable + "/assessment", Map.of("assessedOn", "2022-01-12", "suitable", false,
                "phq9", PHQ9_15, "gad7", GAD7_12));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/admin/projections").json()
                .findValues("caughtUp").stream().allMatch(JsonNode::asBoolean));
    }

    @Test
    void givenTheYear_whenItsOutcomesAreAsked_thenTheRatesAreOverFinishedCoursesPairedOrNot() {
        JsonNode o = api.get("/api/outcomes?from=2022-01-01&to=2022-12-31&therapistId=" + therapist).json();

        assertThat(o.get("ended").asLong()).isEqualTo(6);
        assertThat(o.get("finishedCourse").asLong()).isEqualTo(4);
        assertThat(o.get("pairedFinished").asLong()).isEqualTo(2);
        assertThat(o.get("notAtCaseness").asLong()).as("the course of unknown caseness is not among them").isEqualTo(1);
        assertThat(o.get("recovered").asLong()).isEqualTo(1);
        assertThat(o.get("reliablyImproved").asLong()).isEqualTo(2);
        assertThat(o.get("reliablyRecovered").asLong()).isEqualTo(1);
        assertThat(o.get("reliablyDeteriorated").asLong()).isZero();
        // 1 of (4 finished - 1 not at caseness); paired-only would give 1 of 1, and unknown taken as "not" 1 of 2
        assertThat(o.get("recoveryRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(o.get("reliableRecoveryRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        // 2 of 4 finished; paired-only would give 2 of 2
        assertThat(o.get("reliableImprovementRate").asDouble()).isEqualTo(0.5);
        assertThat(o.get("reliableDeteriorationRate").asDouble()).isZero();
        assertThat(o.get("pairedRate").asDouble()).isEqualTo(0.5);
        // waits to the first session of the finished courses: 42, 43, 36, 36 days
        assertThat(o.get("firstTreatmentWithin6Weeks").asLong()).isEqualTo(3);
        assertThat(o.get("firstTreatmentWithin18Weeks").asLong()).isEqualTo(4);
        assertThat(o.get("within6WeeksRate").asDouble()).isEqualTo(0.75);
        assertThat(o.get("within18WeeksRate").asDouble()).isEqualTo(1.0);
        assertThat(o.get("note").asText()).contains("GAD-7 stands in");
    }

    @Test
    void givenTheYear_whenItsOutcomesAreAsked_thenEachPeriodCountIsOverItsOwnPopulation() {
        JsonNode o = api.get("/api/outcomes?from=2022-01-01&to=2022-12-31&therapistId=" + therapist).json();

        assertThat(o.get("from").asText()).isEqualTo("2022-01-01");
        assertThat(o.get("to").asText()).isEqualTo("2022-12-31");
        assertThat(o.get("referralsReceived").asLong()).as("the seven allocated to the therapist").isEqualTo(7);
        assertThat(o.get("firstTreatments").asLong()).isEqualTo(6);
        assertThat(o.get("endedBeforeTreatment").asLong()).isEqualTo(1);
        assertThat(o.get("endedAfterOneSession").asLong()).isEqualTo(1);
        // second sessions: four a week after the first, and one 94 days after it (not ended)
        assertThat(o.get("secondTreatments").asLong()).isEqualTo(5);
        assertThat(o.get("firstToSecondOver28Days").asLong()).isEqualTo(1);
        assertThat(o.get("firstToSecondOver90Days").asLong()).isEqualTo(1);
        assertThat(o.get("firstToSecondOver90DaysRate").asDouble()).isEqualTo(0.2);
    }

    @Test
    void givenASpringQuarter_whenItsOutcomesAreAsked_thenOnlyWhatHappenedInItCounts() {
        JsonNode o = api.get("/api/outcomes?from=2022-04-01&to=2022-06-30&therapistId=" + therapist).json();

        assertThat(o.get("referralsReceived").asLong()).isZero();
        assertThat(o.get("firstTreatments").asLong()).isZero();
        assertThat(o.get("ended").asLong()).isEqualTo(6);
        assertThat(o.get("finishedCourse").asLong()).isEqualTo(4);
        assertThat(o.get("secondTreatments").asLong()).as("only the second session of 20 May").isEqualTo(1);
        assertThat(o.get("firstToSecondOver90DaysRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void givenTheYear_whenMonthlyOutcomesAreAsked_thenEveryMonthHasARowQuietOnesOfZeros() {
        JsonNode months = api.get("/api/outcomes/monthly?from=2022-01-01&to=2022-12-31").json();

        assertThat(months).hasSize(12);
        assertThat(months.get(0).get("month").asText()).isEqualTo("2022-01");
        assertThat(months.get(11).get("month").asText()).isEqualTo("2022-12");
        JsonNode january = months.get(0);
        assertThat(january.get("referralsReceived").asLong()).isEqualTo(8);
        assertThat(january.get("ended").asLong()).as("not suitable, on assessment").isEqualTo(1);
        assertThat(january.get("endedBeforeTreatment").asLong()).isEqualTo(1);
        assertThat(january.get("finishedCourse").asLong()).isZero();
        assertThat(january.get("recoveryRate").isNull()).isTrue();
        JsonNode february = months.get(1);
        assertThat(february.get("firstTreatments").asLong()).isEqualTo(6);
        assertThat(february.get("secondTreatments").asLong()).isEqualTo(4);
        assertThat(february.get("firstToSecondOver90DaysRate").asDouble()).isZero();
        JsonNode march = months.get(2);
        assertThat(march.get("from").asText()).isEqualTo("2022-03-01");
        assertThat(march.get("to").asText()).isEqualTo("2022-03-31");
        assertThat(march.get("ended").asLong()).isZero();
        assertThat(march.get("referralsReceived").asLong()).isZero();
        assertThat(march.get("recoveryRate").isNull()).isTrue();
        assertThat(march.get("firstToSecondOver90DaysRate").isNull()).isTrue();
        JsonNode april = months.get(3);
        assertThat(april.get("ended").asLong()).isEqualTo(6);
        assertThat(april.get("recoveryRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(months.get(4).get("firstToSecondOver90Days").asLong()).isEqualTo(1);
    }

    @Test
    void givenAPeriodCuttingMonths_whenMonthlyOutcomesAreAsked_thenTheEndMonthsAreCutToIt() {
        JsonNode months = api.get("/api/outcomes/monthly?from=2022-02-15&to=2022-04-05").json();

        assertThat(months.findValuesAsText("month")).containsExactly("2022-02", "2022-03", "2022-04");
        assertThat(months.get(0).get("from").asText()).isEqualTo("2022-02-15");
        assertThat(months.get(0).get("firstTreatments").asLong()).as("15 and 16 February").isEqualTo(2);
        assertThat(months.get(2).get("to").asText()).isEqualTo("2022-04-05");
        assertThat(months.get(2).get("ended").asLong()).as("4 and 5 April").isEqualTo(2);
    }

    @Test
    void givenNoPeriod_whenOutcomesAreAsked_thenTheLastTwelveCalendarMonthsUpToTodayAreReported() {
        LocalDate today = LocalDate.now(clock);
        String from = today.withDayOfMonth(1).minusMonths(11).toString();

        JsonNode report = api.get("/api/outcomes").json();
        JsonNode months = api.get("/api/outcomes/monthly").json();

        assertThat(report.get("from").asText()).isEqualTo(from);
        assertThat(report.get("to").asText()).isEqualTo(today.toString());
        assertThat(months).hasSize(12);
        assertThat(months.get(0).get("month").asText()).isEqualTo(YearMonth.from(today.minusMonths(11)).toString());
        assertThat(months.get(0).get("from").asText()).isEqualTo(from);
        assertThat(months.get(11).get("month").asText()).isEqualTo(YearMonth.from(today).toString());
        assertThat(months.get(11).get("to").asText()).isEqualTo(today.toString());
    }

    @Test
    void givenOnlyTheEndOfAPeriod_whenMonthlyOutcomesAreAsked_thenTheTwelveMonthsEndingThere() {
        JsonNode months = api.get("/api/outcomes/monthly?to=2022-12-31").json();

        assertThat(months.findValuesAsText("month")).hasSize(12).startsWith("2022-01").endsWith("2022-12");
    }

    @Test
    void givenAMonthlyReportOfMoreThanTwentyYears_whenAsked_thenInvalidInputNamingFrom() {
        Api.Response response = api.get("/api/outcomes/monthly?from=2001-01-01&to=2022-12-31");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("from");
        assertThat(api.get("/api/outcomes?from=2001-01-01&to=2022-12-31").status()).as("a summary has no such bound")
                .isEqualTo(200);
    }

    @Test
    void givenEachEnding_whenItsOutcomeIsAsked_thenItCarriesTheReasonAndTheNationalEndCode() {
        Map<String, Integer> codes = Map.of(recovered, 47, notAtCaseness, 96, unpaired, 47, endedBeforeTreatment, 13,
                endedAfterOneSession, 47, notSuitable, 10);
        Map<String, String> reasons = Map.of(recovered, "DROPPED_OUT", notAtCaseness, "OTHER", unpaired, "DROPPED_OUT",
                endedBeforeTreatment, "REFERRED_ON", endedAfterOneSession, "CLIENT_WITHDREW", notSuitable, "NOT_SUITABLE");

        codes.forEach((episode, code) -> {
            JsonNode outcome = api.get("/api/outcomes/episodes/" + episode).json();
            assertThat(outcome.get("endReason").asText()).isEqualTo(reasons.get(episode));
            assertThat(outcome.get("nationalEndCode").asInt()).as(reasons.get(episode)).isEqualTo(code);
        });
        JsonNode ongoing = api.get("/api/outcomes/episodes/" + longSecondWait).json();
        assertThat(ongoing.get("endReason").isNull()).isTrue();
        assertThat(ongoing.get("nationalEndCode").isNull()).isTrue();
    }

    @Test
    void givenTheCourseOfUnknownCaseness_whenItsOutcomeIsAsked_thenCasenessIsNullAndNoFlagIsRaised() {
        JsonNode o = api.get("/api/outcomes/episodes/" + casenessUnknown).json();

        assertThat(o.get("finishedCourse").asBoolean()).isTrue();
        assertThat(o.get("firstPhq9").isNull()).isTrue();
        assertThat(o.get("firstGad7").asInt()).isEqualTo(6);
        assertThat(o.get("atCaseness").isNull()).isTrue();
        assertThat(o.get("paired").asBoolean()).isFalse();
        assertThat(o.get("recovered").asBoolean()).isFalse();
        assertThat(o.get("reliableImprovement").asBoolean()).as("GAD-7 fell by 4, but unpaired").isFalse();
        assertThat(o.get("note").asText()).contains("GAD-7 stands in");
    }
}
