package org.dit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every role against every class of endpoint, over real HTTP: allowed means neither 401 nor 403 (the request may
 * still be refused by a clinical rule). Therapists sign in with bearer tokens from the suite's token signer.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api lead;
    Map<String, Api> users = new LinkedHashMap<>();
    String therapistA;
    String therapistB;
    String episodeOfA;
    String referredEpisode;
    String waitingEpisode;
    String clientOfA;
    String referredForRisk;
    String leaver;

    record Case(String name, String method, String path, Object body, Set<String> allowed) {
    }

    @BeforeAll
    void aClinicWithTwoTherapists() {
        lead = new Api(port);
        Clinic clinic = new Clinic(lead);
        therapistA = clinic.registerTherapist(5);
        therapistB = clinic.registerTherapist(5);
        episodeOfA = clinic.clientInTherapyWith(therapistA);
        clinic.book(episodeOfA, Clinic.week(1));
        clinic.attend(episodeOfA, 1, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        clinic.clientInTherapyWith(therapistB);
        referredEpisode = clinic.referClient();
        waitingEpisode = clinic.waitingClient();
        referredForRisk = clinic.referClient();
        leaver = clinic.registerTherapist(2);
        clientOfA = clinic.episodeWhen(episodeOfA, e -> e.get("sessions").size() == 1).get("clientId").asText();

        users.put("admin", lead.as("admin"));
        users.put("supervisor", lead.as("supervisor"));
        users.put("therapistA", lead.withBearer(TestTokens.token("therapist-a", List.of("THERAPIST"), UUID.fromString(therapistA))));
        users.put("therapistB", lead.withBearer(TestTokens.token("therapist-b", List.of("THERAPIST"), UUID.fromString(therapistB))));
        users.put("auditor", lead.as("auditor"));
        users.put("reporting", lead.as("reporting"));
        users.put("anonymous", lead.anonymous());
    }

    private List<Case> cases() {
        String e = "/api/episodes/" + episodeOfA;
        Set<String> admin = Set.of("admin");
        Set<String> clinicians = Set.of("supervisor", "therapistA");
        Set<String> adminAndClinicians = Set.of("admin", "supervisor", "therapistA");
        Set<String> reports = Set.of("admin", "supervisor", "reporting");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("register therapist", "POST", "/api/therapists",
                Map.of("name", "Pat Example", "accreditation", "QUALIFIED", "maxCaseload", 3), admin));
        cases.add(new Case("therapists", "GET", "/api/therapists", null, Set.of("admin", "supervisor")));
        cases.add(new Case("max caseload", "POST", "/api/therapists/" + therapistB + "/max-caseload", Map.of("maxCaseload", 6),
                admin));
        cases.add(new Case("deactivation", "POST", "/api/therapists/" + leaver + "/deactivation", null, admin));
        cases.add(new Case("refer", "POST", "/api/episodes", Clinic.referral(lead), admin));
        cases.add(new Case("assess", "POST", "/api/episodes/" + referredEpisode + "/assessment", Clinic.suitableAssessment(), admin));
        cases.add(new Case("allocate", "POST", "/api/episodes/" + waitingEpisode + "/allocation",
                Map.of("therapistId", therapistB, "allocatedOn", "2026-03-16"), admin));
        cases.add(new Case("book", "POST", e + "/sessions", Map.of("startsAt", "2099-02-01T09:00:00Z", "mode", "PHONE"),
                adminAndClinicians));
        cases.add(new Case("reschedule", "POST", e + "/sessions/9/reschedule", Map.of("startsAt", "2099-03-01T09:00:00Z"),
                adminAndClinicians));
        cases.add(new Case("cancel", "POST", e + "/sessions/9/cancellation", Map.of("cancelledBy", "SERVICE"), admin));
        cases.add(new Case("attend", "POST", e + "/sessions/9/attendance", null, clinicians));
        cases.add(new Case("missed", "POST", e + "/sessions/9/missed", null, clinicians));
        cases.add(new Case("note", "POST", e + "/sessions/1/note", Map.of("text", "check"), clinicians));
        cases.add(new Case("correct", "POST", e + "/sessions/9/correction", Map.of("outcome", "MISSED", "reason", "check"),
                clinicians));
        cases.add(new Case("focus", "POST", e + "/focus", Clinic.FOCUS, clinicians));
        cases.add(new Case("measure", "POST", e + "/measures",
                Map.of("instrument", "GAD7", "items", Clinic.GAD7_MILD, "recordedOn", "2026-04-01"), clinicians));
        cases.add(new Case("entered in error", "POST", e + "/measures/" + UUID.randomUUID() + "/entered-in-error",
                Map.of("reason", "check"), clinicians));
        cases.add(new Case("goodbye letter", "POST", e + "/goodbye-letter", Map.of("sharedOn", "2026-04-01"), clinicians));
        cases.add(new Case("extension", "POST", e + "/extension",
                Map.of("additionalSessions", 1, "approvedBy", "Supervisor", "reason", "check"), Set.of("supervisor")));
        // to the therapist it has already: refused by the rule (409), so the episode stays with therapist A
        cases.add(new Case("reassignment", "POST", e + "/reassignment", Map.of("therapistId", therapistA, "reason", "check"),
                Set.of("supervisor")));
        cases.add(new Case("course length", "POST", e + "/course-length", Map.of("courseLength", 12, "reason", "check"),
                clinicians));
        cases.add(new Case("follow-up", "POST", e + "/follow-up", Map.of("startsAt", "2099-05-01T09:00:00Z", "mode", "VIDEO"),
                adminAndClinicians));
        cases.add(new Case("follow-up attendance", "POST", e + "/follow-up/attendance", null, clinicians));
        cases.add(new Case("ending", "POST", e + "/ending", Map.of("endedOn", "2026-04-01", "reason", "COMPLETED"),
                adminAndClinicians));
        Map<String, Object> correction = new LinkedHashMap<>(Clinic.inventedClient());
        correction.put("reason", "check");
        cases.add(new Case("register client", "POST", "/api/clients", Clinic.inventedClient(), admin));
        cases.add(new Case("correct client", "POST", "/api/clients/" + clientOfA + "/details", correction, admin));
        cases.add(new Case("search clients", "GET", "/api/clients?nhsNumber=" + Clinic.testNhsNumber(), null,
                Set.of("admin", "supervisor", "therapistA", "therapistB")));
        cases.add(new Case("read client", "GET", "/api/clients/" + clientOfA, null, adminAndClinicians));
        Map<String, Object> risk = Map.of("assessedOn", "2026-04-01", "level", "LOW", "riskToSelf", "LOW", "riskToOthers", "LOW",
                "riskFromOthers", "LOW", "safetyPlan", "check", "actions", "check", "reviewBy", "2026-05-01");
        cases.add(new Case("risk assessment in therapy", "POST", e + "/risk-assessments", risk, clinicians));
        cases.add(new Case("risk assessment at referral", "POST", "/api/episodes/" + referredForRisk + "/risk-assessments", risk,
                Set.of("admin", "supervisor")));
        cases.add(new Case("risk worklist", "GET", "/api/risk", null, Set.of("admin", "supervisor")));
        cases.add(new Case("approve erasure", "POST", "/api/clients/" + clientOfA + "/erasure-approval",
                Map.of("reason", "check"), Set.of("supervisor")));
        cases.add(new Case("erase client", "POST", "/api/clients/" + clientOfA + "/erasure", Map.of("reason", "check"), admin));
        cases.add(new Case("read episode", "GET", e, null, adminAndClinicians));
        cases.add(new Case("episode outcome", "GET", "/api/outcomes/episodes/" + episodeOfA, null, clinicians));
        cases.add(new Case("caseload summaries", "GET", "/api/caseloads", null, reports));
        cases.add(new Case("own caseload", "GET", "/api/caseloads/" + therapistA, null, Set.of("admin", "supervisor", "therapistA")));
        cases.add(new Case("waiting list", "GET", "/api/waiting-list", null, reports));
        cases.add(new Case("awaiting assessment", "GET", "/api/referrals/awaiting-assessment", null, reports));
        cases.add(new Case("allocated not seen", "GET", "/api/waiting-list/allocated-not-seen", null, reports));
        cases.add(new Case("outcomes", "GET", "/api/outcomes?from=2026-01-01&to=2026-12-31", null, reports));
        cases.add(new Case("monthly outcomes", "GET", "/api/outcomes/monthly?from=2026-01-01&to=2026-12-31", null, reports));
        cases.add(new Case("outcomes, default period", "GET", "/api/outcomes", null, reports));
        cases.add(new Case("projections", "GET", "/api/admin/projections", null, admin));
        cases.add(new Case("key rotation", "POST", "/api/admin/keys/rotation", null, admin));
        cases.add(new Case("audit events", "GET", "/api/audit/episodes/" + episodeOfA + "/events", null, Set.of("auditor")));
        cases.add(new Case("audit state", "GET", "/api/audit/episodes/" + episodeOfA + "/state?asOf=2099-01-01T00:00:00Z", null,
                Set.of("auditor")));
        cases.add(new Case("audit export", "GET", "/api/audit/events?after=0&limit=1", null, Set.of("auditor")));
        cases.add(new Case("audit verify", "GET", "/api/audit/verify", null, Set.of("auditor")));
        cases.add(new Case("audit access", "GET", "/api/audit/access?episodeId=" + episodeOfA, null, Set.of("auditor")));
        cases.add(new Case("audit verify against a copy", "POST", "/api/audit/verify", Map.of("checkpoints", List.of()),
                Set.of("auditor")));
        cases.add(new Case("checkpoint export", "GET", "/api/audit/checkpoints", null, Set.of("auditor")));
        cases.add(new Case("checkpoint keys", "GET", "/api/audit/checkpoints/keys", null, Set.of("auditor")));
        cases.add(new Case("checkpoint now", "POST", "/api/audit/checkpoints", null, Set.of("auditor", "admin")));
        cases.add(new Case("metrics", "GET", "/actuator/prometheus", null, admin));
        return cases;
    }

    @Test
    void givenEveryRole_whenItCallsEveryEndpointClass_thenOnlyWhatTheRoleAllowsGetsThrough() {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            for (Map.Entry<String, Api> user : users.entrySet()) {
                Api.Response response = "GET".equals(c.method()) ? user.getValue().get(c.path())
                        : user.getValue().post(c.path(), c.body());
                int expectedDenial = "anonymous".equals(user.getKey()) ? 401 : 403;
                boolean allowed = c.allowed().contains(user.getKey());
                boolean ok = allowed ? response.status() != 401 && response.status() != 403 : response.status() == expectedDenial;
                if (!ok) {
                    wrong.add(c.name() + " as " + user.getKey() + ": " + response.status() + " (expected "
                            + (allowed ? "allowed" : expectedDenial) + ")");
                } else if (!allowed) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenATherapist_whenReadingTheirOwnEpisode_thenTheyCanButNotAColleagues() {
        Api a = users.get("therapistA");
        Api b = users.get("therapistB");

        assertThat(a.get("/api/episodes/" + episodeOfA).status()).isEqualTo(200);
        Api.Response denied = b.get("/api/episodes/" + episodeOfA);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("type").asText()).isEqualTo("/problems/forbidden");
    }

    @Test
    void givenAnAuthenticatedTherapist_whenACommandIsAccepted_thenTheEventRecordsThemAsActor() {
        Api a = users.get("therapistA");
        Api.Response response = a.post("/api/episodes/" + episodeOfA + "/measures",
                Map.of("instrument", "PHQ9", "items", Clinic.PHQ9_MILD, "recordedOn", "2026-04-02"));

        assertThat(response.status()).isEqualTo(201);
        String actor = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM domain_event_entry
                 WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""", String.class, episodeOfA);
        assertThat(actor).isEqualTo(TestTokens.ISSUER + "#therapist-a");
    }

    @Test
    void givenAPathNoEndpointServes_whenASignedInUserAsks_then404_andAnAnonymousCaller401() {
        Api.Response unknown = users.get("reporting").get("/api/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(users.get("anonymous").get("/api/nothing-here").status()).isEqualTo(401);
    }

    @Test
    void givenBadCredentials_whenCalling_then401WithAProblem() {
        Api.Response wrongPassword = lead.withPassword("admin", "not-the-password").get("/api/caseloads");
        Api.Response forgedToken = lead.withBearer(TestTokens.token("x", List.of("ADMIN"), null) + "tampered")
                .get("/api/caseloads");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(wrongPassword.json().get("type").asText()).isEqualTo("/problems/unauthenticated");
        assertThat(forgedToken.status()).isEqualTo(401);
    }

    @Test
    void givenNoCredentials_whenHealthIsAsked_thenItIsOpen() {
        assertThat(lead.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(lead.anonymous().get("/v3/api-docs").status()).isEqualTo(401);
    }
}
