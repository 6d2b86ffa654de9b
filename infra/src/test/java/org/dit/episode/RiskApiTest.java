package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Risk over HTTP (DESIGN §2, risk): PHQ-9 item 9 raises an indication, a risk assessment clears it, the caseload
 * flags follow, and the supervisor's worklist shows open indications, overdue reviews and URGENT referrals not
 * assessed in time, most urgent first.
 */
@ApiTest
class RiskApiTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    private static final List<Integer> PHQ9_ITEM9_ZERO = List.of(2, 2, 1, 1, 1, 1, 1, 1, 0);
    private static final List<Integer> PHQ9_ITEM9_ONE = List.of(2, 2, 1, 1, 1, 1, 1, 0, 1);

    @LocalServerPort
    int port;

    Api api;
    Clinic clinic;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
        today = LocalDate.now(CLINIC_ZONE);
    }

    private Map<String, Object> riskAssessment(String level, LocalDate assessedOn, LocalDate reviewBy) {
        return Map.of("assessedOn", assessedOn.toString(), "level", level, "riskToSelf", level, "riskToOthers", "LOW",
                "riskFromOthers", "LOW", "safetyPlan", "Calls her sister when the thoughts come; crisis line saved",
                "actions", "GP informed; discussed in supervision", "reviewBy", reviewBy.toString());
    }

    private String referUrgentlyOn(LocalDate referredOn) {
        Map<String, Object> referral = new HashMap<>(Clinic.referral(api));
        referral.put("priority", "URGENT");
        referral.put("referredOn", referredOn.toString());
        Api.Response response = api.post("/api/episodes", referral);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("episodeId").asText();
    }

    /** A client in therapy with session 1 booked, ready to be attended with or without thoughts of self-harm. */
    private String[] inTherapyWithSessionOneBooked() {
        String therapist = clinic.registerTherapist(5);
        String episode = clinic.clientInTherapyWith(therapist);
        clinic.book(episode, Clinic.week(1));
        return new String[] {therapist, episode};
    }

    private Optional<JsonNode> worklistEntry(String episodeId) {
        for (JsonNode entry : api.get("/api/risk").json().path("entries")) {
            if (entry.path("episodeId").asText().equals(episodeId)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> reasons(JsonNode entry) {
        return texts(entry.path("reasons"));
    }

    /** The episode's flags on its therapist's caseload, or null while the caseload does not show it. */
    private List<String> caseloadFlags(String therapistId, String episodeId) {
        for (JsonNode entry : api.get("/api/caseloads/" + therapistId).json().path("entries")) {
            if (entry.path("episodeId").asText().equals(episodeId)) {
                return texts(entry.path("flags"));
            }
        }
        return null;
    }

    private static <T> T eventually(java.util.concurrent.Callable<T> read, Predicate<T> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(read, until::test);
    }

    @Test
    void givenASessionAttendedWithPhq9Item9Zero_thenNoIndication_butWithItem9One_thenFlaggedAndOnTheWorklist() {
        String[] quiet = inTherapyWithSessionOneBooked();
        String[] atRisk = inTherapyWithSessionOneBooked();

        clinic.attend(quiet[1], 1, PHQ9_ITEM9_ZERO, Clinic.GAD7_MODERATE);
        clinic.attend(atRisk[1], 1, PHQ9_ITEM9_ONE, Clinic.GAD7_MODERATE);

        JsonNode atRiskView = clinic.episodeWhen(atRisk[1], e -> e.path("riskIndications").size() == 1);
        JsonNode indication = atRiskView.path("riskIndications").get(0);
        assertThat(indication.path("item9").asInt()).isEqualTo(1);
        assertThat(indication.path("open").asBoolean()).isTrue();
        assertThat(indication.path("measureId").asText())
                .isEqualTo(atRiskView.path("measures").get(atRiskView.path("measures").size() - 2).path("measureId").asText());
        assertThat(eventually(() -> caseloadFlags(atRisk[0], atRisk[1]), f -> f != null && !f.isEmpty()))
                .containsExactly("PHQ9_ITEM9_POSITIVE");
        JsonNode entry = eventually(() -> worklistEntry(atRisk[1]), Optional::isPresent).orElseThrow();
        assertThat(reasons(entry)).containsExactly("PHQ9_ITEM9_POSITIVE");
        assertThat(entry.path("since").asText()).isEqualTo(LocalDate.ofInstant(Clinic.week(1), CLINIC_ZONE).toString());

        JsonNode quietView = clinic.episodeWhen(quiet[1], e -> e.path("sessions").path(0).path("state").asText().equals("ATTENDED"));
        assertThat(quietView.path("riskIndications")).isEmpty();
        assertThat(eventually(() -> caseloadFlags(quiet[0], quiet[1]), java.util.Objects::nonNull)).isEmpty();
        assertThat(worklistEntry(quiet[1])).isEmpty();
    }

    @Test
    void givenAnOpenIndication_whenItsTherapistAssessesRiskAsHigh_thenItClosesAndTheEpisodeIsFlaggedRiskHigh() {
        String[] atRisk = inTherapyWithSessionOneBooked();
        clinic.attend(atRisk[1], 1, PHQ9_ITEM9_ONE, Clinic.GAD7_MODERATE);
        Api therapist = api.withBearer(TestTokens.token("risk-therapist", List.of("THERAPIST"), UUID.fromString(atRisk[0])));

        Api.Response response = therapist.post("/api/episodes/" + atRisk[1] + "/risk-assessments",
                riskAssessment("HIGH", today, today.plusDays(7)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String riskAssessmentId = response.json().path("riskAssessmentId").asText();
        JsonNode view = clinic.episodeWhen(atRisk[1], e -> e.path("riskAssessments").size() == 1);
        assertThat(view.path("riskAssessments").get(0).path("riskAssessmentId").asText()).isEqualTo(riskAssessmentId);
        assertThat(view.path("riskAssessments").get(0).path("level").asText()).isEqualTo("HIGH");
        assertThat(view.path("riskIndications").get(0).path("open").asBoolean()).isFalse();
        assertThat(view.path("riskIndications").get(0).path("clearedBy").asText()).isEqualTo(riskAssessmentId);
        assertThat(eventually(() -> caseloadFlags(atRisk[0], atRisk[1]), f -> f != null && f.contains("RISK_HIGH")))
                .containsExactly("RISK_HIGH");
        assertThat(eventually(() -> worklistEntry(atRisk[1]), Optional::isEmpty)).isEmpty();
    }

    @Test
    void givenAnOpenIndication_whenItsMeasureIsMarkedEnteredInError_thenItVanishes() {
        String[] atRisk = inTherapyWithSessionOneBooked();
        Api.Response attended = api.post("/api/episodes/" + atRisk[1] + "/sessions/1/attendance",
                Map.of("phq9", PHQ9_ITEM9_ONE, "gad7", Clinic.GAD7_MODERATE));
        accepted(attended);
        String measureId = attended.json().path("phq9MeasureId").asText();
        eventually(() -> worklistEntry(atRisk[1]), Optional::isPresent);

        accepted(api.post("/api/episodes/" + atRisk[1] + "/measures/" + measureId + "/entered-in-error",
                Map.of("reason", "Scores belonged to another client")));

        JsonNode view = clinic.episodeWhen(atRisk[1], e -> e.path("riskIndications").path(0).path("enteredInError").asBoolean());
        assertThat(view.path("riskIndications").get(0).path("open").asBoolean()).isFalse();
        assertThat(eventually(() -> worklistEntry(atRisk[1]), Optional::isEmpty)).isEmpty();
        assertThat(eventually(() -> caseloadFlags(atRisk[0], atRisk[1]), f -> f != null && f.isEmpty())).isEmpty();
    }

    @Test
    void givenARiskReviewDateYesterday_thenTheReviewIsOverdueOnTheCaseloadAndTheWorklist() {
        String[] client = inTherapyWithSessionOneBooked();

        accepted(api.post("/api/episodes/" + client[1] + "/risk-assessments",
                riskAssessment("MODERATE", today.minusDays(10), today.minusDays(1))));

        assertThat(eventually(() -> caseloadFlags(client[0], client[1]), f -> f != null && !f.isEmpty()))
                .containsExactly("RISK_REVIEW_OVERDUE");
        JsonNode entry = eventually(() -> worklistEntry(client[1]), Optional::isPresent).orElseThrow();
        assertThat(reasons(entry)).containsExactly("RISK_REVIEW_OVERDUE");
        assertThat(entry.path("riskLevel").asText()).isEqualTo("MODERATE");
        assertThat(entry.path("reviewBy").asText()).isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void givenUrgentReferralsNotAssessed_whenTheWorklistIsRead_thenTheSeventhDayIsNotOverdueAndTheEighthIs() {
        String seventhDay = referUrgentlyOn(today.minusDays(7));
        String eighthDay = referUrgentlyOn(today.minusDays(8));
        String eighthDayAssessed = referUrgentlyOn(today.minusDays(8));
        accepted(api.post("/api/episodes/" + eighthDayAssessed + "/assessment", Map.of("assessedOn", today.toString(),
                "suitable", true, "phq9", Clinic.PHQ9_MODERATELY_SEVERE, "gad7", Clinic.GAD7_MODERATE)));

        JsonNode entry = eventually(() -> worklistEntry(eighthDay), Optional::isPresent).orElseThrow();

        assertThat(reasons(entry)).containsExactly("URGENT_REFERRAL_NOT_ASSESSED");
        assertThat(entry.path("priority").asText()).isEqualTo("URGENT");
        assertThat(entry.path("since").asText()).isEqualTo(today.toString());
        JsonNode worklist = api.get("/api/risk").json();
        assertThat(worklist.path("urgentAssessmentDays").asInt()).isEqualTo(7);
        assertThat(worklist.path("asOf").asText()).isEqualTo(today.toString());
        assertThat(worklistEntry(seventhDay)).isEmpty();
        eventually(() -> api.get("/api/episodes/" + eighthDayAssessed).json().path("status").asText(), "WAITING"::equals);
        assertThat(eventually(() -> worklistEntry(eighthDayAssessed), Optional::isEmpty)).isEmpty();
    }

    @Test
    void givenAReferredEpisode_whenAnAdministratorAssessesRisk_thenAccepted_butNotOnceItIsOnTheWaitingList() {
        Api admin = api.as("admin");
        String referred = clinic.referClient();
        String waiting = clinic.waitingClient();

        Api.Response atReferral = admin.post("/api/episodes/" + referred + "/risk-assessments",
                riskAssessment("LOW", today, today.plusDays(28)));
        Api.Response onTheList = admin.post("/api/episodes/" + waiting + "/risk-assessments",
                riskAssessment("LOW", today, today.plusDays(28)));

        assertThat(atReferral.status()).as(atReferral.toString()).isEqualTo(201);
        assertThat(onTheList.status()).as(onTheList.toString()).isEqualTo(403);
        assertThat(api.as("supervisor").post("/api/episodes/" + waiting + "/risk-assessments",
                riskAssessment("LOW", today, today.plusDays(28))).status()).isEqualTo(201);
    }

    @Test
    void givenAReviewDateBeforeTheAssessment_whenRecorded_then400NamingIt() {
        String referred = clinic.referClient();

        Api.Response response = api.post("/api/episodes/" + referred + "/risk-assessments",
                riskAssessment("LOW", today, today.minusDays(1)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("invalidParams").findValuesAsText("name")).contains("reviewBy");
    }
}
