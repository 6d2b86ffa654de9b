package org.dit.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * A small clinic driven through the command API, then every read model checked field by field. Its history lies in
 * 2023-2024, a period no other test writes to, so the period reports see exactly these episodes.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelsApiTest {

    static final List<Integer> PHQ9_15 = List.of(2, 2, 2, 2, 2, 2, 2, 1, 0);
    static final List<Integer> GAD7_12 = List.of(2, 2, 2, 2, 2, 1, 1);
    static final List<Integer> PHQ9_6 = List.of(1, 1, 1, 1, 1, 1, 0, 0, 0);
    static final List<Integer> GAD7_4 = List.of(1, 1, 1, 1, 0, 0, 0);
    static final List<Integer> PHQ9_8 = List.of(1, 1, 1, 1, 1, 1, 1, 1, 0);
    static final List<Integer> GAD7_6 = List.of(1, 1, 1, 1, 1, 1, 0);
    static final List<Integer> PHQ9_3 = List.of(1, 1, 1, 0, 0, 0, 0, 0, 0);
    static final List<Integer> GAD7_2 = List.of(1, 1, 0, 0, 0, 0, 0);
    static final List<Integer> PHQ9_12 = List.of(2, 2, 2, 2, 1, 1, 1, 1, 0);
    static final List<Integer> PHQ9_18 = List.of(3, 3, 3, 2, 2, 2, 2, 1, 0);
    static final List<Integer> GAD7_9 = List.of(2, 2, 2, 1, 1, 1, 0);
    static final List<Integer> PHQ9_27 = List.of(3, 3, 3, 3, 3, 3, 3, 3, 3);

    @LocalServerPort
    int port;

    Api api;
    String therapist;
    String recovered;
    String notAtCaseness;
    String deteriorated;
    String correctedToOneSession;
    String unpaired;
    String focusOverdue;
    String twoMissed;
    String urgentWaiting;
    String longWaiting;
    String recoveredErrorMeasure;

    private String post(String path, Object body, int status) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(status);
        return response.text();
    }

    private String refer(String referredOn, String priority) {
        Api.Response response = api.post("/api/episodes", Map.of("clientId", new Clinic(api).registerClient(),
                "referralSource", "Self", "referredOn", referredOn, "presentingProblem", "MIXED", "priority", priority));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("episodeId").asText();
    }

    private void assess(String episode, String on, List<Integer> phq9, List<Integer> gad7) {
        post("/api/episodes/" + episode + "/assessment", Map.of("assessedOn", on, "suitable", true, "phq9", phq9, "gad7", gad7),
                200);
    }

    private void allocate(String episode, String on) {
        post("/api/episodes/" + episode + "/allocation", Map.of("therapistId", therapist, "allocatedOn", on), 200);
    }

    private int book(String episode, String startsAt) {
        Api.Response response = api.post("/api/episodes/" + episode + "/sessions", Map.of("startsAt", startsAt, "mode", "VIDEO"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("sessionNumber").asInt();
    }

    private void attend(String episode, String startsAt, List<Integer> phq9, List<Integer> gad7) {
        int n = book(episode, startsAt);
        Map<String, Object> body = gad7 == null ? Map.of("phq9", phq9) : Map.of("phq9", phq9, "gad7", gad7);
        post("/api/episodes/" + episode + "/sessions/" + n + "/attendance", body, 200);
    }

    private void miss(String episode, String startsAt) {
        int n = book(episode, startsAt);
        post("/api/episodes/" + episode + "/sessions/" + n + "/missed", null, 200);
    }

    private void end(String episode, String on, String reason) {
        post("/api/episodes/" + episode + "/ending", Map.of("endedOn", on, "reason", reason), 200);
    }

    @BeforeAll
    void aSmallClinic() {
        api = new Api(port);
        therapist = new Clinic(api).registerTherapist(10);

        // recovered, reliably improved and reliably recovered; a wrong PHQ-9 of 27 entered in error first
        recovered = refer("2024-01-02", "ROUTINE");
        assess(recovered, "2024-01-09", PHQ9_15, GAD7_12);
        String wrong = api.post("/api/episodes/" + recovered + "/measures",
                Map.of("instrument", "PHQ9", "items", PHQ9_27, "recordedOn", "2024-01-09")).json().get("measureId").asText();
        post("/api/episodes/" + recovered + "/measures/" + wrong + "/entered-in-error",
                Map.of("reason", "belonged to another client"), 200);
        recoveredErrorMeasure = wrong;
        allocate(recovered, "2024-01-10");
        attend(recovered, "2024-02-01T10:00:00Z", PHQ9_12, GAD7_9);      // 30 days after referral
        attend(recovered, "2024-02-08T10:00:00Z", PHQ9_8, GAD7_6);
        attend(recovered, "2024-02-15T10:00:00Z", PHQ9_6, GAD7_4);
        end(recovered, "2024-03-15", "DROPPED_OUT");

        // not at caseness at start (PHQ-9 8, GAD-7 6), reliably improved on GAD-7 (6 -> 2)
        notAtCaseness = refer("2024-01-03", "ROUTINE");
        assess(notAtCaseness, "2024-01-09", PHQ9_8, GAD7_6);
        allocate(notAtCaseness, "2024-01-10");
        attend(notAtCaseness, "2024-03-01T11:00:00Z", PHQ9_6, GAD7_4);   // 58 days after referral
        attend(notAtCaseness, "2024-03-08T11:00:00Z", PHQ9_3, GAD7_2);
        end(notAtCaseness, "2024-04-10", "OTHER");

        // reliable deterioration (PHQ-9 12 -> 18); a 35-day gap between first and second session
        deteriorated = refer("2024-01-04", "ROUTINE");
        assess(deteriorated, "2024-01-09", PHQ9_12, GAD7_9);
        allocate(deteriorated, "2024-01-10");
        attend(deteriorated, "2024-02-02T12:00:00Z", PHQ9_12, GAD7_9);
        attend(deteriorated, "2024-03-08T12:00:00Z", PHQ9_18, GAD7_9);
        end(deteriorated, "2024-04-20", "REFERRED_ON");

        // two sessions, the second corrected to missed: one treatment session, not a finished course
        correctedToOneSession = refer("2024-01-05", "ROUTINE");
        assess(correctedToOneSession, "2024-01-09", PHQ9_15, GAD7_12);
        allocate(correctedToOneSession, "2024-01-10");
        attend(correctedToOneSession, "2024-02-05T09:00:00Z", PHQ9_12, GAD7_9);
        attend(correctedToOneSession, "2024-02-12T09:00:00Z", PHQ9_8, GAD7_6);
        post("/api/episodes/" + correctedToOneSession + "/sessions/2/correction",
                Map.of("outcome", "MISSED", "reason", "recorded in error: the client did not come"), 200);
        end(correctedToOneSession, "2024-05-05", "DROPPED_OUT");

        // finished but not paired: GAD-7 only at assessment
        unpaired = refer("2024-01-06", "ROUTINE");
        assess(unpaired, "2024-01-09", PHQ9_15, GAD7_12);
        allocate(unpaired, "2024-01-10");
        attend(unpaired, "2024-02-06T13:00:00Z", PHQ9_12, null);
        attend(unpaired, "2024-02-13T13:00:00Z", PHQ9_8, null);
        end(unpaired, "2024-05-20", "CLIENT_WITHDREW");

        // active: four sessions, no focus
        focusOverdue = refer("2024-01-07", "ROUTINE");
        assess(focusOverdue, "2024-01-09", PHQ9_15, GAD7_12);
        allocate(focusOverdue, "2024-01-10");
        for (int week = 0; week < 4; week++) {
            attend(focusOverdue, "2024-02-%02dT14:00:00Z".formatted(1 + 7 * week), PHQ9_12, GAD7_9);
        }

        // active: attended once, then missed twice; next session far in the future
        twoMissed = refer("2024-01-08", "ROUTINE");
        assess(twoMissed, "2024-01-09", PHQ9_15, GAD7_12);
        allocate(twoMissed, "2024-01-10");
        attend(twoMissed, "2024-02-01T15:00:00Z", PHQ9_15, GAD7_12);
        miss(twoMissed, "2024-02-08T15:00:00Z");
        miss(twoMissed, "2024-02-15T15:00:00Z");
        book(twoMissed, "2099-01-05T15:00:00Z");

        // the waiting list on 2024-03-01: an urgent referral, and a routine one waiting since October 2023
        urgentWaiting = refer("2024-01-20", "URGENT");
        assess(urgentWaiting, "2024-01-25", PHQ9_15, GAD7_12);
        longWaiting = refer("2023-10-01", "ROUTINE");
        assess(longWaiting, "2023-10-10", PHQ9_15, GAD7_12);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/admin/projections").json()
                .findValues("caughtUp").stream().allMatch(JsonNode::asBoolean));
    }

    @Test
    void givenTheClinic_whenItsOutcomesAreAsked_thenEveryCountAndRateIsExact() {
        JsonNode o = api.get("/api/outcomes?from=2024-01-01&to=2024-12-31&therapistId=" + therapist).json();

        assertThat(o.get("from").asText()).isEqualTo("2024-01-01");
        assertThat(o.get("to").asText()).isEqualTo("2024-12-31");
        // the therapist's seven episodes were all referred and first seen in 2024
        assertThat(o.get("referralsReceived").asLong()).isEqualTo(7);
        assertThat(o.get("firstTreatments").asLong()).isEqualTo(7);
        assertThat(o.get("ended").asLong()).isEqualTo(5);
        assertThat(o.get("endedBeforeTreatment").asLong()).isZero();
        assertThat(o.get("endedAfterOneSession").asLong()).as("the second session corrected to missed").isEqualTo(1);
        assertThat(o.get("finishedCourse").asLong()).isEqualTo(4);
        assertThat(o.get("pairedFinished").asLong()).isEqualTo(3);
        assertThat(o.get("notAtCaseness").asLong()).isEqualTo(1);
        assertThat(o.get("recovered").asLong()).isEqualTo(1);
        assertThat(o.get("reliablyImproved").asLong()).isEqualTo(2);
        assertThat(o.get("reliablyRecovered").asLong()).isEqualTo(1);
        assertThat(o.get("reliablyDeteriorated").asLong()).isEqualTo(1);
        // over finished courses, the unpaired one included: recovery 1 / (4 - 1), change 2 / 4 and 1 / 4
        assertThat(o.get("recoveryRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(o.get("reliableRecoveryRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(o.get("reliableImprovementRate").asDouble()).isEqualTo(0.5);
        assertThat(o.get("reliableDeteriorationRate").asDouble()).isEqualTo(0.25);
        assertThat(o.get("pairedRate").asDouble()).isEqualTo(0.75);
        // waits over finished courses: 30 (recovered), 58 (notAtCaseness), 29 (deteriorated), 31 (unpaired) days
        assertThat(o.get("firstTreatmentWithin6Weeks").asLong()).isEqualTo(3);
        assertThat(o.get("firstTreatmentWithin18Weeks").asLong()).isEqualTo(4);
        assertThat(o.get("within6WeeksRate").asDouble()).isEqualTo(0.75);
        assertThat(o.get("within18WeeksRate").asDouble()).isEqualTo(1.0);
        // second sessions in 2024, ended or not: recovered, notAtCaseness, deteriorated (35 days), unpaired, focusOverdue
        assertThat(o.get("secondTreatments").asLong()).isEqualTo(5);
        assertThat(o.get("firstToSecondOver28Days").asLong()).isEqualTo(1);
        assertThat(o.get("firstToSecondOver90Days").asLong()).isZero();
        assertThat(o.get("firstToSecondOver90DaysRate").asDouble()).isZero();
        assertThat(o.get("note").asText()).contains("GAD-7 stands in");
    }

    @Test
    void givenAPeriodWithoutEndings_whenOutcomesAreAsked_thenCountsAreZeroAndRatesNull() {
        JsonNode o = api.get("/api/outcomes?from=2024-01-01&to=2024-03-14&therapistId=" + therapist).json();

        assertThat(o.get("ended").asLong()).isZero();
        assertThat(o.get("recoveryRate").isNull()).isTrue();
        assertThat(o.get("reliableImprovementRate").isNull()).isTrue();
        assertThat(o.get("within6WeeksRate").isNull()).isTrue();
    }

    @Test
    void givenTheClinic_whenMonthlyOutcomesAreAsked_thenOneRowPerMonthMonthsWithoutEndingsIncluded() {
        // up to July: the demo clinic's plans (CourseScriptRulesTest) may reach into the autumn of 2024
        JsonNode months = api.get("/api/outcomes/monthly?from=2024-01-01&to=2024-07-31").json();

        assertThat(months.findValuesAsText("month")).containsExactly("2024-01", "2024-02", "2024-03", "2024-04", "2024-05",
                "2024-06", "2024-07");
        JsonNode january = months.get(0);
        assertThat(january.get("from").asText()).isEqualTo("2024-01-01");
        assertThat(january.get("to").asText()).isEqualTo("2024-01-31");
        assertThat(january.get("referralsReceived").asLong()).as("seven allocated, one urgent waiting").isEqualTo(8);
        assertThat(january.get("ended").asLong()).isZero();
        assertThat(january.get("recoveryRate").isNull()).isTrue();
        JsonNode february = months.get(1);
        assertThat(february.get("to").asText()).isEqualTo("2024-02-29");
        assertThat(february.get("firstTreatments").asLong()).isEqualTo(6);
        assertThat(february.get("secondTreatments").asLong()).isEqualTo(3);
        JsonNode march = months.get(2);
        assertThat(march.get("ended").asLong()).isEqualTo(1);
        assertThat(march.get("recovered").asLong()).isEqualTo(1);
        assertThat(march.get("firstTreatments").asLong()).isEqualTo(1);
        assertThat(march.get("secondTreatments").asLong()).isEqualTo(2);
        JsonNode april = months.get(3);
        assertThat(april.get("ended").asLong()).isEqualTo(2);
        assertThat(april.get("pairedFinished").asLong()).isEqualTo(2);
        assertThat(april.get("recoveryRate").asDouble()).isZero();
        JsonNode may = months.get(4);
        assertThat(may.get("ended").asLong()).isEqualTo(2);
        assertThat(may.get("finishedCourse").asLong()).isEqualTo(1);
        assertThat(may.get("endedAfterOneSession").asLong()).isEqualTo(1);
        assertThat(may.get("recoveryRate").asDouble()).as("the unpaired course counts: 0 of 1").isZero();
        for (JsonNode quiet : List.of(months.get(5), months.get(6))) {
            assertThat(quiet.get("ended").asLong()).isZero();
            assertThat(quiet.get("referralsReceived").asLong()).isZero();
            assertThat(quiet.get("recoveryRate").isNull()).isTrue();
            assertThat(quiet.get("within6WeeksRate").isNull()).isTrue();
            assertThat(quiet.get("note").asText()).contains("GAD-7 stands in");
        }
    }

    @Test
    void givenARecoveredEpisode_whenItsOutcomeIsAsked_thenEveryFieldIsExact() {
        JsonNode o = api.get("/api/outcomes/episodes/" + recovered).json();

        assertThat(o.get("finishedCourse").asBoolean()).isTrue();
        assertThat(o.get("paired").asBoolean()).isTrue();
        assertThat(o.get("atCaseness").asBoolean()).isTrue();
        assertThat(o.get("recovered").asBoolean()).isTrue();
        assertThat(o.get("reliableImprovement").asBoolean()).isTrue();
        assertThat(o.get("reliableDeterioration").asBoolean()).isFalse();
        assertThat(o.get("reliableRecovery").asBoolean()).isTrue();
        assertThat(o.get("firstPhq9").asInt()).as("the PHQ-9 of 27 was entered in error").isEqualTo(15);
        assertThat(o.get("lastPhq9").asInt()).isEqualTo(6);
        assertThat(o.get("firstGad7").asInt()).isEqualTo(12);
        assertThat(o.get("lastGad7").asInt()).isEqualTo(4);
        assertThat(o.get("daysReferralToFirstSession").asLong()).isEqualTo(30);
        assertThat(o.get("daysFirstToSecondSession").asLong()).isEqualTo(7);
        assertThat(o.get("endReason").asText()).isEqualTo("DROPPED_OUT");
        assertThat(o.get("nationalEndCode").asInt()).isEqualTo(47);
    }

    @Test
    void givenACorrectedSession_whenTheOutcomeIsAsked_thenOnlyOneTreatmentSessionCounts() {
        JsonNode o = api.get("/api/outcomes/episodes/" + correctedToOneSession).json();

        assertThat(o.get("finishedCourse").asBoolean()).isFalse();
        assertThat(o.get("daysFirstToSecondSession").isNull()).isTrue();
        assertThat(o.get("nationalEndCode").asInt()).isEqualTo(47);
    }

    @Test
    void givenAnUnpairedEpisode_whenItsOutcomeIsAsked_thenItIsNeitherRecoveredNorChanged() {
        JsonNode o = api.get("/api/outcomes/episodes/" + unpaired).json();

        assertThat(o.get("finishedCourse").asBoolean()).isTrue();
        assertThat(o.get("paired").asBoolean()).isFalse();
        assertThat(o.get("atCaseness").asBoolean()).isTrue();
        assertThat(o.get("recovered").asBoolean()).isFalse();
        assertThat(o.get("reliableImprovement").asBoolean()).isFalse();
        assertThat(o.get("reliableDeterioration").asBoolean()).isFalse();
        assertThat(o.get("reliableRecovery").asBoolean()).isFalse();
        assertThat(o.get("firstGad7").asInt()).isEqualTo(12);
        assertThat(o.get("lastGad7").asInt()).isEqualTo(12);
        assertThat(o.get("endReason").asText()).isEqualTo("CLIENT_WITHDREW");
        assertThat(o.get("nationalEndCode").asInt()).as("withdrew after treatment started").isEqualTo(47);
        assertThat(o.get("note").asText()).contains("GAD-7 stands in");
    }

    @Test
    void givenTheClinic_whenTheTherapistsCaseloadIsAsked_thenActiveEpisodesShowTheirProgressAndFlags() {
        Api.Response response = api.get("/api/caseloads/" + therapist);
        JsonNode caseload = response.json();

        assertThat(response.header("Read-Model-Status")).isEqualTo("CURRENT");
        assertThat(caseload.get("activeEpisodes").asInt()).isEqualTo(2);
        assertThat(caseload.get("maxCaseload").asInt()).isEqualTo(10);
        JsonNode entries = caseload.get("entries");
        assertThat(entries.findValuesAsText("episodeId")).containsExactly(twoMissed, focusOverdue);

        JsonNode missed = entries.get(0);
        assertThat(missed.get("phase").asText()).isEqualTo("INITIAL");
        assertThat(missed.get("sessionsAttended").asInt()).isEqualTo(1);
        assertThat(missed.get("sessionsMissed").asInt()).isEqualTo(2);
        assertThat(missed.get("courseLength").asInt()).isEqualTo(16);
        assertThat(missed.get("nextSessionAt").asText()).isEqualTo("2099-01-05T15:00:00Z");
        assertThat(missed.get("focusAgreed").asBoolean()).isFalse();
        assertThat(missed.get("latestPhq9").asInt()).isEqualTo(15);
        assertThat(missed.get("latestGad7").asInt()).isEqualTo(12);
        assertThat(textValues(missed.get("flags"))).containsExactly("TWO_CONSECUTIVE_MISSED");

        JsonNode overdue = entries.get(1);
        assertThat(overdue.get("phase").asText()).isEqualTo("INITIAL");
        assertThat(overdue.get("sessionsAttended").asInt()).isEqualTo(4);
        assertThat(overdue.get("sessionsMissed").asInt()).isZero();
        assertThat(overdue.get("nextSessionAt").isNull()).isTrue();
        assertThat(overdue.get("latestPhq9").asInt()).isEqualTo(12);
        assertThat(overdue.get("latestGad7").asInt()).isEqualTo(9);
        assertThat(textValues(overdue.get("flags"))).containsExactly("FOCUS_OVERDUE");
    }

    @Test
    void givenTheClinic_whenTheCaseloadSummaryIsAsked_thenTheTherapistShowsActiveEpisodesAgainstCapacity() {
        JsonNode summaries = api.get("/api/caseloads").json();

        JsonNode mine = null;
        for (JsonNode summary : summaries) {
            if (summary.get("therapistId").asText().equals(therapist)) {
                mine = summary;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("name").asText()).isEqualTo("Sam Testwell");
        assertThat(mine.get("activeEpisodes").asInt()).isEqualTo(2);
        assertThat(mine.get("maxCaseload").asInt()).isEqualTo(10);
    }

    @Test
    void givenTheClinic_whenTheWaitingListOfAPastDateIsAsked_thenItShowsWhoWasWaitingThenInOrder() {
        JsonNode list = api.get("/api/waiting-list?asOf=2024-03-01").json();

        assertThat(list.get("asOf").asText()).isEqualTo("2024-03-01");
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("over6Weeks").asInt()).isEqualTo(1);
        assertThat(list.get("over18Weeks").asInt()).isEqualTo(1);
        assertThat(list.get("medianDaysSinceReferral").asDouble()).isEqualTo(96.5);
        JsonNode entries = list.get("entries");
        assertThat(entries.findValuesAsText("episodeId")).containsExactly(urgentWaiting, longWaiting);
        assertThat(entries.get(0).get("priority").asText()).isEqualTo("URGENT");
        assertThat(entries.get(0).get("referredOn").asText()).isEqualTo("2024-01-20");
        assertThat(entries.get(0).get("waitlistedOn").asText()).isEqualTo("2024-01-25");
        assertThat(entries.get(0).get("daysSinceReferral").asLong()).isEqualTo(41);
        assertThat(entries.get(0).get("daysOnList").asLong()).isEqualTo(36);
        assertThat(entries.get(1).get("daysSinceReferral").asLong()).isEqualTo(152);
        assertThat(entries.get(1).get("daysOnList").asLong()).isEqualTo(143);
    }

    @Test
    void givenReporting_whenTheWaitingListIsAsked_thenItGetsTheSameFiguresWithoutAnyIdLeadingToAClient() {
        JsonNode full = api.get("/api/waiting-list?asOf=2024-03-01").json();
        JsonNode aggregate = api.as("reporting").get("/api/waiting-list?asOf=2024-03-01").json();

        assertThat(aggregate.get("count")).isEqualTo(full.get("count"));
        assertThat(aggregate.get("over6Weeks")).isEqualTo(full.get("over6Weeks"));
        assertThat(aggregate.get("entries")).hasSize(full.get("entries").size());
        for (JsonNode entry : aggregate.get("entries")) {
            assertThat(entry.get("episodeId").isNull()).isTrue();
            assertThat(entry.get("clientId").isNull()).isTrue();
            assertThat(entry.get("daysSinceReferral").isNumber()).isTrue();
        }
        assertThat(aggregate.toString()).doesNotContain(urgentWaiting).doesNotContain(longWaiting);
    }

    @Test
    void givenTheClinic_whenTheWaitingListBeforeAllocationsIsAsked_thenAllocatedClientsWereStillWaiting() {
        JsonNode list = api.get("/api/waiting-list?asOf=2024-01-09").json();

        assertThat(list.get("entries").findValuesAsText("episodeId"))
                .contains(recovered, notAtCaseness, longWaiting).doesNotContain(urgentWaiting);
    }

    @Test
    void givenAnEnteredInErrorMeasure_whenTheEpisodeIsRead_thenItIsShownAsSuch() {
        JsonNode episode = api.get("/api/episodes/" + recovered).json();

        JsonNode wrong = null;
        for (JsonNode measure : episode.get("measures")) {
            if (measure.get("measureId").asText().equals(recoveredErrorMeasure)) {
                wrong = measure;
            }
        }
        assertThat(wrong).isNotNull();
        assertThat(wrong.get("enteredInError").asBoolean()).isTrue();
        assertThat(wrong.get("total").asInt()).isEqualTo(27);
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
