package org.dit.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * Nobody waits unseen (issue 13): referrals awaiting assessment, clients allocated and not yet seen, and the waiting
 * list's breach dates, each as it stood on a date. The history lies in 2021, before any other test's referrals, and
 * every episode has left every list by the end of 2021, so the lists of those dates hold exactly these episodes and
 * no other test's lists are touched.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NobodyWaitsUnseenApiTest {

    static final List<Integer> PHQ9_15 = List.of(2, 2, 2, 2, 2, 2, 1, 1, 1);
    static final List<Integer> GAD7_12 = List.of(2, 2, 2, 2, 2, 1, 1);

    @LocalServerPort
    int port;

    Api api;
    String therapist;
    // awaiting assessment, February to April
    String assessedOn15March;
    String neverAssessed;
    String urgentNeverAssessed;
    String notSuitableOn5March;
    String withdrewOn8March;
    // allocated, not seen, June and July
    String seenOn5July;
    String urgentMissedItsSession;
    String endedUnseenOn30June;
    String attendanceCorrectedToMissed;
    // on the waiting list, autumn
    String waitingFrom10September;
    String waitingFrom5July;

    private void accepted(String path, Object body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " -> " + response).isBetween(200, 299);
    }

    private String refer(String on, String priority) {
        Api.Response response = api.post("/api/episodes", Map.of("clientId", new Clinic(api).registerClient(),
                "referralSource", "GP", "referredOn", on, "presentingProblem", "ANXIETY", "priority", priority));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("episodeId").asText();
    }

    private void assess(String episode, String on, boolean suitable) {
        accepted("/api/episodes/" + episode + "/assessment", Map.of("assessedOn", on, "suitable", suitable, "phq9", PHQ9_15,
                "gad7", GAD7_12));
    }

    private void allocate(String episode, String on) {
        accepted("/api/episodes/" + episode + "/allocation", Map.of("therapistId", therapist, "allocatedOn", on));
    }

    private int book(String episode, String on) {
        Api.Response booked = api.post("/api/episodes/" + episode + "/sessions", Map.of("startsAt", on + "T10:00:00Z",
                "mode", "PHONE"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.json().get("sessionNumber").asInt();
    }

    private void end(String episode, String on, String reason) {
        accepted("/api/episodes/" + episode + "/ending", Map.of("endedOn", on, "reason", reason));
    }

    @BeforeAll
    void aYearOfWaiting() {
        api = new Api(port);
        therapist = new Clinic(api).registerTherapist(20);

        assessedOn15March = refer("2021-02-01", "ROUTINE");
        assess(assessedOn15March, "2021-03-15", true);
        end(assessedOn15March, "2021-04-30", "CLIENT_WITHDREW");
        neverAssessed = refer("2021-03-01", "ROUTINE");
        end(neverAssessed, "2021-04-30", "CLIENT_WITHDREW");
        urgentNeverAssessed = refer("2021-03-10", "URGENT");
        end(urgentNeverAssessed, "2021-04-30", "CLIENT_WITHDREW");
        notSuitableOn5March = refer("2021-02-15", "ROUTINE");
        assess(notSuitableOn5March, "2021-03-05", false);
        withdrewOn8March = refer("2021-02-20", "ROUTINE");
        end(withdrewOn8March, "2021-03-08", "CLIENT_WITHDREW");

        seenOn5July = refer("2021-06-01", "ROUTINE");
        assess(seenOn5July, "2021-06-08", true);
        allocate(seenOn5July, "2021-06-10");
        accepted("/api/episodes/" + seenOn5July + "/sessions/" + book(seenOn5July, "2021-07-05") + "/attendance", Map.of());
        end(seenOn5July, "2021-08-31", "DROPPED_OUT");
        urgentMissedItsSession = refer("2021-06-15", "URGENT");
        assess(urgentMissedItsSession, "2021-06-16", true);
        allocate(urgentMissedItsSession, "2021-06-17");
        accepted("/api/episodes/" + urgentMissedItsSession + "/sessions/" + book(urgentMissedItsSession, "2021-06-24")
                + "/missed", null);
        end(urgentMissedItsSession, "2021-08-31", "DROPPED_OUT");
        endedUnseenOn30June = refer("2021-06-02", "ROUTINE");
        assess(endedUnseenOn30June, "2021-06-08", true);
        allocate(endedUnseenOn30June, "2021-06-10");
        end(endedUnseenOn30June, "2021-06-30", "REFERRED_ON");
        attendanceCorrectedToMissed = refer("2021-06-03", "ROUTINE");
        assess(attendanceCorrectedToMissed, "2021-06-08", true);
        allocate(attendanceCorrectedToMissed, "2021-06-10");
        int session = book(attendanceCorrectedToMissed, "2021-06-21");
        accepted("/api/episodes/" + attendanceCorrectedToMissed + "/sessions/" + session + "/attendance", Map.of());
        accepted("/api/episodes/" + attendanceCorrectedToMissed + "/sessions/" + session + "/correction",
                Map.of("outcome", "MISSED", "reason", "recorded against the wrong client"));
        end(attendanceCorrectedToMissed, "2021-08-31", "DROPPED_OUT");

        waitingFrom10September = refer("2021-09-01", "ROUTINE");
        assess(waitingFrom10September, "2021-09-10", true);
        allocate(waitingFrom10September, "2021-12-01");
        end(waitingFrom10September, "2021-12-15", "REFERRED_ON");
        waitingFrom5July = refer("2021-07-01", "ROUTINE");
        assess(waitingFrom5July, "2021-07-05", true);
        allocate(waitingFrom5July, "2021-11-30");
        end(waitingFrom5July, "2021-12-15", "REFERRED_ON");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/admin/projections").json()
                .findValues("caughtUp").stream().allMatch(JsonNode::asBoolean));
    }

    private JsonNode awaitingAssessment(String asOf) {
        return api.get("/api/referrals/awaiting-assessment?asOf=" + asOf).json();
    }

    private JsonNode allocatedNotSeen(String asOf) {
        return api.get("/api/waiting-list/allocated-not-seen?asOf=" + asOf).json();
    }

    private JsonNode waitingList(String asOf) {
        return api.get("/api/waiting-list?asOf=" + asOf).json();
    }

    private static JsonNode entryOf(JsonNode list, String episodeId) {
        for (JsonNode entry : list.get("entries")) {
            if (episodeId.equals(entry.get("episodeId").asText())) {
                return entry;
            }
        }
        throw new AssertionError(episodeId + " is not in " + list);
    }

    @Test
    void givenReferralsNotYetAssessed_whenTheListOfADateIsAsked_thenTheyAreListedOldestFirstWithTheirWait() {
        JsonNode list = awaitingAssessment("2021-03-04");

        assertThat(list.get("asOf").asText()).isEqualTo("2021-03-04");
        assertThat(list.get("count").asInt()).isEqualTo(4);
        assertThat(list.get("entries").findValuesAsText("episodeId"))
                .containsExactly(assessedOn15March, notSuitableOn5March, withdrewOn8March, neverAssessed);
        JsonNode oldest = list.get("entries").get(0);
        assertThat(oldest.get("priority").asText()).isEqualTo("ROUTINE");
        assertThat(oldest.get("referredOn").asText()).isEqualTo("2021-02-01");
        assertThat(oldest.get("daysWaiting").asLong()).isEqualTo(31);
        assertThat(entryOf(list, withdrewOn8March).get("daysWaiting").asLong()).isEqualTo(12);
    }

    @Test
    void givenAssessmentsAndAWithdrawal_whenTheListOfALaterDateIsAsked_thenTheyHaveLeftItAndUrgentComesFirst() {
        JsonNode list = awaitingAssessment("2021-03-12");

        assertThat(list.get("entries").findValuesAsText("episodeId"))
                .containsExactly(urgentNeverAssessed, assessedOn15March, neverAssessed);
        assertThat(list.get("entries").get(0).get("priority").asText()).isEqualTo("URGENT");
        assertThat(list.get("entries").get(0).get("daysWaiting").asLong()).isEqualTo(2);
        assertThat(entryOf(list, assessedOn15March).get("daysWaiting").asLong()).isEqualTo(39);
    }

    @Test
    void givenTheDayOfAssessment_whenTheListIsAsked_thenTheClientHasLeftItThatDay() {
        assertThat(awaitingAssessment("2021-03-14").get("entries").findValuesAsText("episodeId")).contains(assessedOn15March);
        assertThat(awaitingAssessment("2021-03-15").get("entries").findValuesAsText("episodeId"))
                .containsExactly(urgentNeverAssessed, neverAssessed);
        assertThat(awaitingAssessment("2021-04-30").get("count").asInt()).as("all withdrew that day").isZero();
    }

    @Test
    void givenAllocatedClients_whenTheListOfADateIsAsked_thenThoseNotYetSeenAreListedUrgentFirst() {
        JsonNode list = allocatedNotSeen("2021-06-25");

        assertThat(list.get("asOf").asText()).isEqualTo("2021-06-25");
        assertThat(list.get("count").asInt()).isEqualTo(4);
        assertThat(list.get("entries").findValuesAsText("episodeId")).as("a missed session is not being seen")
                .containsExactly(urgentMissedItsSession, seenOn5July, endedUnseenOn30June, attendanceCorrectedToMissed);
        JsonNode urgent = list.get("entries").get(0);
        assertThat(urgent.get("therapistId").asText()).isEqualTo(therapist);
        assertThat(urgent.get("priority").asText()).isEqualTo("URGENT");
        assertThat(urgent.get("daysSinceReferral").asLong()).isEqualTo(10);
        assertThat(urgent.get("daysSinceAllocation").asLong()).isEqualTo(8);
        JsonNode routine = entryOf(list, seenOn5July);
        assertThat(routine.get("referredOn").asText()).isEqualTo("2021-06-01");
        assertThat(routine.get("allocatedOn").asText()).isEqualTo("2021-06-10");
        assertThat(routine.get("daysSinceReferral").asLong()).isEqualTo(24);
        assertThat(routine.get("daysSinceAllocation").asLong()).isEqualTo(15);
    }

    @Test
    void givenTheDayOfTheFirstAttendedSession_whenTheListIsAsked_thenTheClientHasLeftItThatDay() {
        assertThat(allocatedNotSeen("2021-07-04").get("entries").findValuesAsText("episodeId")).contains(seenOn5July);

        JsonNode list = allocatedNotSeen("2021-07-05");

        assertThat(list.get("entries").findValuesAsText("episodeId")).as("seen, ended, or still waiting after a correction")
                .containsExactly(urgentMissedItsSession, attendanceCorrectedToMissed);
        assertThat(entryOf(list, attendanceCorrectedToMissed).get("daysSinceReferral").asLong()).isEqualTo(32);
        assertThat(entryOf(list, attendanceCorrectedToMissed).get("daysSinceAllocation").asLong()).isEqualTo(25);
        assertThat(allocatedNotSeen("2021-06-09").get("count").asInt()).as("before any allocation").isZero();
    }

    @Test
    void givenTheFortySecondDayOnTheList_whenAsked_thenNotOverSixWeeksButBreachingWithinFourteenDays() {
        JsonNode list = waitingList("2021-10-13");

        JsonNode entry = entryOf(list, waitingFrom10September);
        assertThat(entry.get("daysSinceReferral").asLong()).isEqualTo(42);
        assertThat(entry.get("breaches6WeeksOn").asText()).isEqualTo("2021-10-14");
        assertThat(entry.get("breaches18WeeksOn").asText()).isEqualTo("2022-01-06");
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("over6Weeks").asLong()).as("only the client waiting since July").isEqualTo(1);
        assertThat(list.get("breaching6WeeksWithin14Days").asLong()).isEqualTo(1);
        assertThat(list.get("breaching18WeeksWithin14Days").asLong()).isZero();
    }

    @Test
    void givenTheFortyThirdDayOnTheList_whenAsked_thenOverSixWeeksAndNoLongerAboutToBreach() {
        JsonNode list = waitingList("2021-10-14");

        assertThat(entryOf(list, waitingFrom10September).get("daysSinceReferral").asLong()).isEqualTo(43);
        assertThat(list.get("over6Weeks").asLong()).isEqualTo(2);
        assertThat(list.get("breaching6WeeksWithin14Days").asLong()).isZero();
    }

    @Test
    void givenFourteenAndFifteenDaysToTheBreach_whenAsked_thenOnlyTheFormerIsAboutToBreach() {
        assertThat(waitingList("2021-09-29").get("breaching6WeeksWithin14Days").asLong()).as("day 28").isZero();
        assertThat(waitingList("2021-09-30").get("breaching6WeeksWithin14Days").asLong()).as("day 29").isEqualTo(1);
    }

    @Test
    void givenTheEighteenWeekEdge_whenAsked_thenTheSameRule() {
        JsonNode day126 = waitingList("2021-11-04");
        JsonNode day127 = waitingList("2021-11-05");

        assertThat(entryOf(day126, waitingFrom5July).get("breaches18WeeksOn").asText()).isEqualTo("2021-11-05");
        assertThat(entryOf(day126, waitingFrom5July).get("breaches6WeeksOn").asText()).isEqualTo("2021-08-13");
        assertThat(day126.get("over18Weeks").asLong()).isZero();
        assertThat(day126.get("breaching18WeeksWithin14Days").asLong()).isEqualTo(1);
        assertThat(day127.get("over18Weeks").asLong()).isEqualTo(1);
        assertThat(day127.get("breaching18WeeksWithin14Days").asLong()).isZero();
    }

    @Test
    void givenReporting_whenItReadsTheListsOfWaitingClients_thenTheSameFiguresWithoutEpisodeIds() {
        Api reporting = api.as("reporting");
        List<String> lists = List.of("/api/referrals/awaiting-assessment?asOf=2021-03-12",
                "/api/waiting-list/allocated-not-seen?asOf=2021-06-25", "/api/waiting-list?asOf=2021-10-13");

        for (String path : lists) {
            JsonNode full = api.get(path).json();
            Api.Response response = reporting.get(path);
            JsonNode aggregate = response.json();

            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(aggregate.get("count")).as(path).isEqualTo(full.get("count"));
            assertThat(aggregate.get("entries")).as(path).hasSize(full.get("entries").size());
            for (JsonNode entry : aggregate.get("entries")) {
                assertThat(entry.get("episodeId").isNull()).as(path).isTrue();
                assertThat(entry.get("referredOn").isTextual()).as(path).isTrue();
            }
            for (String id : full.get("entries").findValuesAsText("episodeId")) {
                assertThat(response.text()).as(path).doesNotContain(id);
            }
        }
        assertThat(reporting.get(lists.get(1)).json().get("entries").get(0).get("therapistId").asText())
                .as("a therapist is staff, not a client").isEqualTo(therapist);
    }

    @Test
    void givenAListWithEpisodes_whenAnAdministratorReadsIt_thenTheAccessLogNamesEachEpisodeListed() {
        awaitingAssessment("2021-03-12");

        JsonNode accesses = api.as("auditor").get("/api/audit/access?episodeId=" + urgentNeverAssessed).json();

        assertThat(accesses.findValuesAsText("endpoint")).contains("GET /api/referrals/awaiting-assessment");
    }
}
