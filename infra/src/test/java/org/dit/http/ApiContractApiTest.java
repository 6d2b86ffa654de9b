package org.dit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.support.Api;
import org.dit.support.ApiContract;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API document is the contract (issue 15 §5). Every API test holds each answer it receives to the served document
 * ({@link ApiContract}, through {@link Api}); this one drives every documented operation once at least, through a
 * whole course, the reads of every role and the refusals, and shows that the check notices a document that is wrong.
 */
@ApiTest
class ApiContractApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Test
    void givenACourseItsReadsAndItsRefusals_whenEveryAnswerIsHeldToTheDocument_thenEveryOperationOfTheDocumentWasExercised() {
        try (ApiContract.Recording recording = ApiContract.record()) {
            exerciseEveryOperation();

            ApiContract.Document document = ApiContract.document(port);
            Map<String, Set<Integer>> statuses = new HashMap<>();
            for (ApiContract.Exchange exchange : recording.exchanges()) {
                document.match(exchange.method(), pathOf(exchange.uri())).ifPresent(operation ->
                        statuses.computeIfAbsent(operation.toString(), o -> new TreeSet<>()).add(exchange.response().status()));
            }
            Set<String> operations = document.operations().stream().map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(operations).as("every operation of the document is exercised here: add a call for a new endpoint")
                    .isSubsetOf(statuses.keySet());
            Set<Integer> seen = statuses.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
            assertThat(seen).contains(200, 201, 202, 400, 401, 403, 404, 409, 413, 422);
        }
    }

    @Test
    void givenTheDocument_thenItNamesTheServiceSaysHowToSignInAndKeepsNestedAnswersApart() throws Exception {
        JsonNode document = JSON.readTree(ApiContract.document(port).text());

        assertThat(document.get("openapi").asText()).startsWith("3.0");
        assertThat(document.at("/info/title").asText()).isEqualTo("DIT clinical workflow service");
        assertThat(document.at("/info/version").asText()).isNotBlank().doesNotContain("@").isNotEqualTo("v0");
        assertThat(document.at("/info/description").asText()).contains("Authorize", "basicAuth", "bearerAuth");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.get("security").toString()).contains("basicAuth", "bearerAuth");
        assertThat(document.at("/components/schemas/Caseload/properties/entries/items/$ref").asText())
                .isEqualTo("#/components/schemas/CaseloadEntry");
        assertThat(document.at("/components/schemas/WaitingList/properties/entries/items/$ref").asText())
                .isEqualTo("#/components/schemas/WaitingListEntry");
        assertThat(document.at("/components/schemas/RiskWorklist/properties/entries/items/$ref").asText())
                .isEqualTo("#/components/schemas/RiskWorklistEntry");
        JsonNode phq9 = document.at("/components/schemas/Assessment/properties/phq9");
        assertThat(List.of(phq9.get("minItems").asInt(), phq9.get("maxItems").asInt(), phq9.at("/items/minimum").asInt(),
                phq9.at("/items/maximum").asInt())).containsExactly(9, 9, 0, 3);
        JsonNode gad7 = document.at("/components/schemas/Attendance/properties/gad7");
        assertThat(List.of(gad7.get("minItems").asInt(), gad7.get("maxItems").asInt())).containsExactly(7, 7);
        for (String field : List.of("therapistId", "focus", "endedOn", "endReason")) {
            assertThat(document.at("/components/schemas/EpisodeView/properties/" + field + "/nullable").asBoolean())
                    .as(field).isTrue();
        }
        assertThat(document.at("/components/schemas/OutcomeReport/properties/recoveryRate/nullable").asBoolean()).isTrue();
        assertThat(document.at("/components/schemas/FollowUpAttendanceAnswer/properties/phq9MeasureId/nullable").asBoolean())
                .isTrue();
        assertThat(document.at("/components/schemas/ClientView/properties/familyName/nullable").asBoolean()).isTrue();
        assertThat(document.at("/paths/~1api~1episodes/post/responses/404/content/application~1problem+json/schema/$ref")
                .asText()).as("a referral naming an unregistered client").isEqualTo("#/components/schemas/Problem");
        assertThat(document.toString()).doesNotContain("*/*");
        assertThat(document.findValuesAsText("operationId")).doesNotHaveDuplicates()
                .noneMatch(id -> id.matches(".*_[0-9]+")); // springdoc's suffix for a clash: a name a client would lose
        assertThat(new Api(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void givenADocumentThatSaysAFieldIsNeverNull_whenARealAnswerHasItNull_thenTheCheckRefusesTheAnswer() throws Exception {
        Clinic clinic = new Clinic(new Api(port));
        String episodeId = clinic.waitingClient();
        ApiContract.Exchange read;
        try (ApiContract.Recording recording = ApiContract.record()) {
            JsonNode episode = clinic.episodeWhen(episodeId, e -> "WAITING".equals(e.get("status").asText()));
            assertThat(episode.get("therapistId").isNull()).isTrue();
            read = recording.exchanges().get(recording.exchanges().size() - 1);
        }
        ApiContract.Document served = ApiContract.document(port);
        assertThat(ApiContract.violations(served, read)).isEmpty();

        ObjectNode document = (ObjectNode) JSON.readTree(served.text());
        ((ObjectNode) document.at("/components/schemas/EpisodeView/properties/therapistId")).remove("nullable");

        assertThat(ApiContract.violations(ApiContract.parse(document.toString()), read))
                .anySatisfy(violation -> assertThat(violation).contains("/therapistId").contains("null"));
    }

    @Test
    void givenADocumentThatGivesACommandAnotherStatus_whenTheRealAnswerComes_thenTheCheckRefusesIt() throws Exception {
        ApiContract.Exchange referral;
        try (ApiContract.Recording recording = ApiContract.record()) {
            new Clinic(new Api(port)).referClient();
            referral = recording.exchanges().stream().filter(e -> e.uri().endsWith("/api/episodes")).findFirst().orElseThrow();
        }
        ObjectNode document = (ObjectNode) JSON.readTree(ApiContract.document(port).text());
        ObjectNode responses = (ObjectNode) document.at("/paths/~1api~1episodes/post/responses");
        responses.set("200", responses.remove("201"));

        assertThat(ApiContract.violations(ApiContract.parse(document.toString()), referral))
                .anySatisfy(violation -> assertThat(violation).contains("status"));
    }

    /** Every GET and POST of the API, as the roles that may call them and some that may not. */
    private void exerciseEveryOperation() {
        Api lead = new Api(port);
        Api supervisor = lead.as("supervisor");
        Api auditor = lead.as("auditor");
        Api reporting = lead.as("reporting");
        Clinic clinic = new Clinic(lead);

        String therapistId = clinic.registerTherapist(12);
        String referred = clinic.referClient();
        String episodeId = clinic.referClient();
        clinic.episodeWhen(episodeId, e -> "REFERRED".equals(e.get("status").asText()));
        accepted(lead.post("/api/episodes/" + episodeId + "/assessment", Clinic.suitableAssessment()), 200);
        clinic.episodeWhen(episodeId, e -> "WAITING".equals(e.get("status").asText()) && e.get("therapistId").isNull()
                && e.get("focus").isNull() && e.get("endedOn").isNull() && e.get("endReason").isNull());
        accepted(lead.post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())), 200);
        awaitListed(lead, "/api/waiting-list/allocated-not-seen?asOf=2026-03-20", episodeId);
        reads(lead, reporting, therapistId, episodeId);

        String path = "/api/episodes/" + episodeId;
        clinic.attendSessions(episodeId, 4);
        accepted(lead.post(path + "/focus", Clinic.FOCUS), 200);
        assertThat(clinic.book(episodeId, Clinic.week(5))).isEqualTo(5);
        accepted(lead.post(path + "/sessions/5/reschedule", Map.of("startsAt", "2026-04-21T10:00:00Z")), 200);
        accepted(lead.post(path + "/sessions/5/cancellation", Map.of("cancelledBy", "CLIENT", "reason", "Unwell")), 200);
        assertThat(clinic.book(episodeId, Clinic.week(6))).isEqualTo(5);
        accepted(lead.post(path + "/sessions/5/missed", null), 200);
        accepted(lead.post(path + "/sessions/5/correction", Map.of("outcome", "ATTENDED", "reason", "Came late")), 200);
        accepted(lead.post(path + "/sessions", Map.of("startsAt", Clinic.week(7).toString(), "mode", "VIDEO",
                "durationMinutes", 50)), 201);
        accepted(lead.post(path + "/sessions/6/attendance", null), 200);
        accepted(lead.post(path + "/sessions/6/note", Map.of("text", "Talked about her sister's visit.")), 200);
        accepted(lead.post(path + "/risk-assessments", Map.of("assessedOn", "2026-04-28", "level", "LOW", "riskToSelf", "LOW",
                "riskToOthers", "LOW", "riskFromOthers", "LOW", "safetyPlan", "Calls her sister; crisis line saved",
                "actions", "Discussed in supervision", "reviewBy", "2026-05-26")), 201);
        Api.Response measure = lead.post(path + "/measures", Map.of("instrument", "GAD7",
                "items", Clinic.GAD7_MILD, "recordedOn", "2026-05-01"));
        accepted(measure, 201);
        accepted(lead.post(path + "/measures/" + measure.json().get("measureId").asText() + "/entered-in-error",
                Map.of("reason", "Scores belonged to another client")), 200);
        accepted(supervisor.post(path + "/extension", Map.of("additionalSessions", 2, "approvedBy", "Dr A. Supervisor",
                "reason", "Bereavement during the middle phase")), 200);
        for (int n = 7; n <= 15; n++) {
            assertThat(clinic.book(episodeId, Clinic.week(n + 1))).isEqualTo(n);
            clinic.attend(episodeId, n, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);
        }
        accepted(lead.post(path + "/goodbye-letter", Map.of("sharedOn", "2026-07-06")), 200);
        accepted(lead.post(path + "/ending", Map.of("endedOn", "2026-07-10", "reason", "COMPLETED")), 200);
        accepted(lead.post("/api/episodes/" + referred + "/ending", Map.of("endedOn", "2026-03-05", "reason", "CLIENT_WITHDREW")),
                200);
        clinic.episodeWhen(episodeId, e -> "ENDED".equals(e.get("status").asText()));
        accepted(lead.post(path + "/follow-up", Map.of("startsAt", "2026-10-05T09:00:00Z", "mode", "VIDEO")), 201);
        accepted(lead.post(path + "/follow-up/attendance", Map.of("phq9", Clinic.PHQ9_MILD)), 200);
        clinic.episodeWhen(episodeId, e -> e.path("followUp").path("measures").size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                lead.get("/api/outcomes/episodes/" + episodeId).json().path("ended").asBoolean());
        reads(lead, reporting, therapistId, episodeId);

        therapists(lead, supervisor, clinic, therapistId);
        risk(lead, clinic);
        clients(lead, clinic, episodeId);
        audit(lead, auditor, episodeId);
        administration(lead);
        refusals(lead, auditor, reporting, episodeId);
    }

    private void reads(Api lead, Api reporting, String therapistId, String episodeId) {
        accepted(lead.get("/api/episodes/" + episodeId), 200);
        accepted(lead.get("/api/caseloads"), 200);
        accepted(lead.get("/api/caseloads/" + therapistId), 200);
        for (Api reader : List.of(lead, reporting)) {
            accepted(reader.get("/api/waiting-list?asOf=2026-03-12"), 200);
            accepted(reader.get("/api/waiting-list"), 200);
            accepted(reader.get("/api/referrals/awaiting-assessment?asOf=2026-03-03"), 200);
            accepted(reader.get("/api/waiting-list/allocated-not-seen?asOf=2026-03-20"), 200);
            accepted(reader.get("/api/outcomes"), 200);
            accepted(reader.get("/api/outcomes?from=2026-01-01&to=2026-12-31"), 200);
            accepted(reader.get("/api/outcomes?from=1990-01-01&to=1990-01-31"), 200);
            accepted(reader.get("/api/outcomes/monthly?from=2026-01-01&to=2026-12-31"), 200);
        }
        accepted(lead.get("/api/outcomes/episodes/" + episodeId), 200);
    }

    /** The roster: listed, a maximum caseload changed, an episode reassigned and a therapist deactivated. */
    private void therapists(Api lead, Api supervisor, Clinic clinic, String therapistId) {
        String leaving = clinic.registerTherapist(2);
        String episodeId = clinic.clientInTherapyWith(leaving);
        String staying = clinic.clientInTherapyWith(leaving);
        assertThat(clinic.book(episodeId, Clinic.week(1))).isEqualTo(1);
        Api.Response over = lead.post("/api/therapists/" + leaving + "/max-caseload", Map.of("maxCaseload", 1));
        accepted(over, 200);
        assertThat(over.json().get("warning").isNull()).as(over.toString()).isFalse();
        Api.Response under = lead.post("/api/therapists/" + leaving + "/max-caseload", Map.of("maxCaseload", 3));
        accepted(under, 200);
        assertThat(under.json().get("warning").isNull()).as(under.toString()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/therapists").text().contains(leaving));
        accepted(lead.get("/api/therapists"), 200);
        Api.Response deactivated = lead.post("/api/therapists/" + leaving + "/deactivation", Map.of("reason", "Left the service"));
        accepted(deactivated, 200);
        assertThat(deactivated.json().get("episodesToReassign").toString()).contains(episodeId, staying);
        accepted(supervisor.post("/api/episodes/" + episodeId + "/reassignment",
                Map.of("therapistId", therapistId, "reason", "Therapist leaving the service")), 200);
        accepted(lead.post("/api/therapists/" + clinic.registerTherapist(1) + "/deactivation", null), 200);
        assertThat(lead.post("/api/therapists/" + UUID.randomUUID() + "/deactivation", null).status()).isEqualTo(404);

        String shorter = clinic.clientInTherapyWith(clinic.registerTherapist(2));
        clinic.attendSessions(shorter, 4);
        clinic.agreeFocus(shorter);
        accepted(lead.post("/api/episodes/" + shorter + "/course-length", Map.of("courseLength", 10,
                "reason", "The focus is resolved; ending early", "approvedBy", "Dr A. Supervisor")), 200);
    }

    /** The worklist, with an episode never risk-assessed (a null level and review date) and one that was. */
    private void risk(Api lead, Clinic clinic) {
        String episodeId = clinic.clientInTherapyWith(clinic.registerTherapist(2));
        assertThat(clinic.book(episodeId, Clinic.week(1))).isEqualTo(1);
        clinic.attend(episodeId, 1, List.of(2, 2, 1, 1, 1, 1, 1, 0, 1), Clinic.GAD7_MODERATE);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lead.get("/api/risk").text().contains(episodeId));
        accepted(lead.get("/api/risk"), 200);
    }

    /** Registration, search, one client (registered, unregistered, forgotten), correction, the link and erasure. */
    private void clients(Api lead, Clinic clinic, String episodeId) {
        Map<String, Object> details = Clinic.inventedClient();
        String clientId = clinic.registerClient(details);
        clinic.clientWhen(clientId, c -> "REGISTERED".equals(c.get("status").asText()));
        accepted(lead.get("/api/clients?nhsNumber=" + details.get("nhsNumber")), 200);
        accepted(lead.get("/api/clients?familyName=" + details.get("familyName") + "&dateOfBirth=" + details.get("dateOfBirth")
                + "&page=0&size=5"), 200);
        Map<String, Object> corrected = new HashMap<>(Map.of("nhsNumber", details.get("nhsNumber"), "givenName", "Testa",
                "familyName", details.get("familyName"), "dateOfBirth", "1990-05-17", "gender", "NOT_STATED",
                "ethnicCategory", "Z", "reason", "Moved house"));
        accepted(lead.post("/api/clients/" + clientId + "/details", corrected), 200);
        accepted(lead.get("/api/clients/" + clinic.clientWhen(clientId, c -> c.get("phone").isNull()).get("clientId").asText()),
                200);
        String ownClient = lead.get("/api/episodes/" + episodeId).json().get("clientId").asText();
        accepted(lead.get("/api/clients/" + ownClient), 200);

        String unregistered = UUID.randomUUID().toString();
        EpisodeId old = EpisodeId.random();
        eventStore.publish(new GenericDomainEventMessage<>("Episode", old.toString(), 0,
                new ClientReferred(old, ClientId.of(unregistered), "GP", LocalDate.of(2025, 11, 3), PresentingProblem.MIXED,
                        Priority.ROUTINE), MetaData.with("actor", "before-issue-12")));
        clinic.clientWhen(unregistered, c -> "UNREGISTERED".equals(c.get("status").asText()));
        accepted(lead.post("/api/episodes/" + old + "/client-link", Map.of("clientId", clientId)), 200);

        String inError = clinic.registerClient();
        accepted(lead.post("/api/clients/" + inError + "/erasure-approval", Map.of("reason", "Registered twice")), 200);
        accepted(lead.as("admin").post("/api/clients/" + inError + "/erasure",
                Map.of("reason", "Registered in error: a duplicate record", "registeredInError", true)), 200);
        clinic.clientWhen(inError, c -> "FORGOTTEN".equals(c.get("status").asText()));
        assertThat(lead.post("/api/clients/" + clientId + "/erasure", Map.of("reason", "Too soon")).status())
                .isEqualTo(409);
    }

    private void audit(Api lead, Api auditor, String episodeId) {
        accepted(auditor.get("/api/audit/episodes/" + episodeId + "/events"), 200);
        accepted(auditor.get("/api/audit/episodes/" + episodeId + "/state?asOf=" + Instant.now()), 200);
        accepted(auditor.get("/api/audit/events?after=0&limit=5"), 200);
        accepted(auditor.get("/api/audit/access?episodeId=" + episodeId), 200);
        accepted(auditor.get("/api/audit/verify"), 200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lead.post("/api/audit/checkpoints", null).status() == 201);
        JsonNode copy = auditor.get("/api/audit/checkpoints").json();
        accepted(auditor.get("/api/audit/checkpoints?after=0&limit=10"), 200);
        accepted(auditor.get("/api/audit/checkpoints/keys"), 200);
        accepted(auditor.post("/api/audit/verify", Map.of("checkpoints", copy)), 200);
    }

    private void administration(Api lead) {
        accepted(lead.get("/api/admin/projections"), 200);
        accepted(lead.get("/api/admin/dead-letters"), 200);
        assertThat(lead.post("/api/admin/dead-letters/" + UUID.randomUUID() + "/retry", null).status()).isEqualTo(404);
        accepted(lead.post("/api/admin/keys/rotation", null), 200);
        accepted(lead.post("/api/admin/projections/caseload/replay", null), 202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode status : lead.get("/api/admin/projections").json()) {
                if (!status.get("caughtUp").asBoolean() || status.get("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    private void refusals(Api lead, Api auditor, Api reporting, String endedEpisodeId) {
        String path = "/api/episodes/" + endedEpisodeId;
        Map<String, Object> shortPhq9 = new HashMap<>(Clinic.suitableAssessment());
        shortPhq9.put("phq9", List.of(1, 1, 1, 1, 1, 1, 1, 1));
        String referred = new Clinic(lead).referClient();
        assertThat(lead.post("/api/episodes/" + referred + "/assessment", shortPhq9).status()).isEqualTo(400);
        assertThat(lead.post("/api/episodes", "{\"clientId\": 1}").status()).isEqualTo(400);
        assertThat(lead.get("/api/outcomes?from=2026-05-01&to=2026-04-01").status()).isEqualTo(400);
        assertThat(lead.get("/api/episodes/not-a-uuid").status()).isEqualTo(400);
        assertThat(lead.anonymous().get("/api/caseloads").status()).isEqualTo(401);
        assertThat(lead.withPassword("clinic-lead", "wrong").post("/api/episodes", Clinic.referral(UUID.randomUUID().toString())).status()).isEqualTo(401);
        assertThat(auditor.post("/api/episodes", Clinic.referral(UUID.randomUUID().toString())).status()).isEqualTo(403);
        assertThat(reporting.get(path).status()).isEqualTo(403);
        assertThat(lead.get("/api/episodes/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(lead.post("/api/episodes/" + UUID.randomUUID() + "/assessment", Clinic.suitableAssessment()).status())
                .isEqualTo(404);
        assertThat(lead.get("/api/audit/episodes/" + UUID.randomUUID() + "/events").status()).isEqualTo(403);
        assertThat(auditor.get("/api/audit/episodes/" + UUID.randomUUID() + "/events").status()).isEqualTo(404);
        assertThat(lead.post(path + "/ending", Map.of("endedOn", "2026-07-11", "reason", "COMPLETED")).status()).isEqualTo(409);
        assertThat(lead.post(path + "/measures", Map.of("instrument", "PHQ9", "items", Clinic.PHQ9_MILD,
                "recordedOn", "2026-07-12")).status()).isEqualTo(409);
        String key = "contract-" + UUID.randomUUID();
        Map<String, Object> referral = Clinic.referral(lead);
        accepted(lead.post("/api/episodes", referral, "Idempotency-Key", key), 201);
        accepted(lead.post("/api/episodes", referral, "Idempotency-Key", key), 201);
        assertThat(lead.post("/api/episodes", null, "Idempotency-Key", key).status()).isEqualTo(400);
        assertThat(lead.post("/api/episodes", Clinic.referral(lead), "Idempotency-Key", key).status()).isEqualTo(422);
        assertThat(lead.post("/api/episodes", Clinic.referral(UUID.randomUUID().toString())).status())
                .as("an unregistered client").isEqualTo(404);
        assertThat(lead.post("/api/clients", Clinic.inventedClient()).status()).isEqualTo(201);
        Map<String, Object> twice = Clinic.inventedClient();
        accepted(lead.post("/api/clients", twice), 201);
        assertThat(lead.post("/api/clients", twice).status()).as("the NHS number is registered").isEqualTo(409);
        Map<String, Object> badNhsNumber = Clinic.inventedClient();
        badNhsNumber.put("nhsNumber", "1234567890");
        assertThat(lead.post("/api/clients", badNhsNumber).status()).isEqualTo(400);
        assertThat(lead.get("/api/clients").status()).isEqualTo(400);
        assertThat(lead.get("/api/clients/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(reporting.get("/api/risk").status()).isEqualTo(403);
        assertThat(reporting.get("/api/therapists").status()).isEqualTo(403);
        assertThat(lead.post("/api/episodes", "{\"referralSource\": \"" + "x".repeat(140_000) + "\"}").status())
                .isEqualTo(413);
    }

    private static void awaitListed(Api api, String path, String episodeId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path).text().contains(episodeId));
    }

    private static void accepted(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    private static String pathOf(String uri) {
        return java.net.URI.create(uri).getPath();
    }
}
