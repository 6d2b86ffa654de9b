package org.dit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.EventLog;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Clients over HTTP: registration and its refusals, corrections, search, who may find whom, the access log. */
@ApiTest
class ClientApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api lead;
    Clinic clinic;
    EventLog log;

    @BeforeEach
    void setUp() {
        lead = new Api(port);
        clinic = new Clinic(lead);
        log = new EventLog(jdbc);
    }

    @Test
    void givenAnInventedClient_whenRegistered_then201AndTheReadModelShowsTheDetailsInCanonicalForm() {
        Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
        String nhsNumber = (String) client.get("nhsNumber");
        client.put("nhsNumber", nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6));
        client.put("postcode", "ls1 4ap");

        Api.Response response = lead.post("/api/clients", client);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String clientId = response.json().get("clientId").asText();
        assertThat(response.header("Location")).isEqualTo("/api/clients/" + clientId);
        assertThat(log.typesOf(clientId)).containsExactly("ClientRegistered");
        JsonNode view = clinic.clientWhen(clientId, c -> true);
        assertThat(view.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(view.get("nhsNumber").asText()).isEqualTo(nhsNumber);
        assertThat(view.get("postcode").asText()).isEqualTo("LS1 4AP");
        assertThat(view.get("familyName").asText()).isEqualTo(client.get("familyName"));
        assertThat(view.get("contactConsent")).hasSize(2);
        assertThat(view.get("episodes")).isEmpty();
    }

    @Test
    void givenAWrongCheckDigit_whenRegistered_then400InvalidNhsNumber() {
        Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
        client.put("nhsNumber", "9434765918");

        Api.Response response = lead.post("/api/clients", client);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-nhs-number");
        assertThat(response.json().get("invalidParams").get(0).get("name").asText()).isEqualTo("nhsNumber");
    }

    @Test
    void givenNeitherNhsNumberNorAReason_whenRegistered_then400NamingTheNhsNumber() {
        Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
        client.remove("nhsNumber");

        assertInvalid(lead.post("/api/clients", client), "nhsNumber");
    }

    @Test
    void givenNoNhsNumberAndTheReason_whenRegistered_then201() {
        Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
        client.remove("nhsNumber");
        client.put("nhsNumberUnavailableReason", "Visitor from abroad, not yet registered with a GP");

        assertThat(lead.post("/api/clients", client).status()).isEqualTo(201);
    }

    @Test
    void givenSeveralBadFields_whenRegistered_then400ListingEach() {
        Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
        client.put("postcode", "12345");
        client.put("email", "not an address");
        client.put("gpPracticeCode", "12345");
        client.put("givenName", " ");

        Api.Response response = lead.post("/api/clients", client);

        assertThat(response.status()).isEqualTo(400);
        List<String> names = new ArrayList<>();
        response.json().get("invalidParams").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("postcode", "email", "gpPracticeCode", "givenName");
    }

    @Test
    void givenAnEthnicCategoryOutsideTheDataDictionary_whenRegistered_then400NamingIt() {
        Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
        client.put("ethnicCategory", "I");

        assertInvalid(lead.post("/api/clients", client), "ethnicCategory");
    }

    @Test
    void givenAContactMethodNotOffered_whenRegistered_then400NamingIt() {
        Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
        client.put("contactConsent", List.of("LETTER", "PIGEON"));

        assertInvalid(lead.post("/api/clients", client), "contactConsent[1]");
    }

    @Test
    void givenARegisteredNhsNumber_whenRegisteredAgain_then409ClientExistsNamingTheClient() {
        Map<String, Object> client = Clinic.inventedClient();
        String first = clinic.registerClient(client);
        Map<String, Object> again = new HashMap<>(Clinic.inventedClient());
        String nhsNumber = (String) client.get("nhsNumber");
        again.put("nhsNumber", nhsNumber.substring(0, 5) + "-" + nhsNumber.substring(5));
        long before = log.size();

        Api.Response response = lead.post("/api/clients", again);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/client-exists");
        assertThat(response.json().get("clientId").asText()).isEqualTo(first);
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenConcurrentRegistrationsOfOneNhsNumber_whenSent_thenOneWinsAndTheOthersNameIt() throws Exception {
        String nhsNumber = Clinic.testNhsNumber();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> registrations = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
                client.put("nhsNumber", nhsNumber);
                registrations.add(() -> lead.post("/api/clients", client));
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(registrations)) {
                responses.add(f.get());
            }
            List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).hasSize(1);
            String winner = created.get(0).json().get("clientId").asText();
            assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.json().get("clientId").asText()).isEqualTo(winner);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenARegisteredClient_whenDetailsCorrected_thenTheReadModelShowsThemAndTheLogKeepsBoth() {
        Map<String, Object> client = Clinic.inventedClient();
        String clientId = clinic.registerClient(client);
        Map<String, Object> corrected = new HashMap<>(client);
        corrected.put("postcode", "LS2 7EA");
        corrected.put("reason", "Moved house");

        Api.Response response = lead.post("/api/clients/" + clientId + "/details", corrected);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("clientId").asText()).isEqualTo(clientId);
        assertThat(log.typesOf(clientId)).containsExactly("ClientRegistered", "ClientDetailsCorrected");
        assertThat(clinic.clientWhen(clientId, c -> c.get("postcode").asText().equals("LS2 7EA"))).isNotNull();
    }

    @Test
    void givenACorrectionWithoutAReason_whenSent_then400NamingTheReason() {
        Map<String, Object> client = Clinic.inventedClient();
        String clientId = clinic.registerClient(client);

        assertInvalid(lead.post("/api/clients/" + clientId + "/details", client), "reason");
    }

    @Test
    void givenAnUnknownClient_whenCorrected_then404() {
        Map<String, Object> corrected = new HashMap<>(Clinic.inventedClient());
        corrected.put("reason", "Typing error");

        assertThat(lead.post("/api/clients/" + UUID.randomUUID() + "/details", corrected).status()).isEqualTo(404);
    }

    @Test
    void givenAClient_whenSearchedByNhsNumber_thenFound() {
        Map<String, Object> client = Clinic.inventedClient();
        String clientId = clinic.registerClient(client);
        String nhsNumber = (String) client.get("nhsNumber");
        clinic.clientWhen(clientId, c -> true);

        JsonNode page = lead.get("/api/clients?nhsNumber=" + nhsNumber).json();

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("clients").get(0).get("clientId").asText()).isEqualTo(clientId);
        assertThat(page.get("clients").get(0).get("familyName").asText()).isEqualTo(client.get("familyName"));
    }

    @Test
    void givenThreeNamesakesBornTheSameDay_whenSearchedByNameInAnotherCase_thenFoundAPageAtATime() {
        String familyName = Clinic.inventedFamilyName();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> client = new HashMap<>(Clinic.inventedClient());
            client.put("familyName", familyName);
            ids.add(clinic.registerClient(client));
        }
        ids.forEach(id -> clinic.clientWhen(id, c -> true));
        String asTyped = familyName.toUpperCase().replace("-", " ");

        JsonNode first = lead.get("/api/clients?familyName=" + asTyped.replace(" ", "%20") + "&dateOfBirth=1990-05-17&size=2").json();
        JsonNode second = lead.get("/api/clients?familyName=" + asTyped.replace(" ", "%20") + "&dateOfBirth=1990-05-17&size=2&page=1").json();

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("clients")).hasSize(2);
        assertThat(second.get("clients")).hasSize(1);
        List<String> found = new ArrayList<>();
        first.get("clients").forEach(c -> found.add(c.get("clientId").asText()));
        second.get("clients").forEach(c -> found.add(c.get("clientId").asText()));
        assertThat(found).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(lead.get("/api/clients?familyName=" + familyName + "&dateOfBirth=1990-05-18").json().get("total").asLong())
                .isZero();
    }

    @Test
    void givenNoSearchTerms_whenSearched_then400() {
        assertInvalid(lead.get("/api/clients"), "nhsNumber");
        assertInvalid(lead.get("/api/clients?nhsNumber=9434765918"), "nhsNumber");
        assertInvalid(lead.get("/api/clients?familyName=Testclient"), "dateOfBirth");
        assertInvalid(lead.get("/api/clients?nhsNumber=" + Clinic.testNhsNumber() + "&size=101"), "size");
    }

    @Test
    void givenAnUnknownClient_whenRead_then404() {
        assertThat(lead.get("/api/clients/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void givenTwoTherapists_whenEachSearches_thenEachFindsOnlyTheClientsOfTheirOwnEpisodes() {
        String therapistA = clinic.registerTherapist(3);
        String therapistB = clinic.registerTherapist(3);
        Map<String, Object> client = Clinic.inventedClient();
        String clientId = clinic.registerClient(client);
        String episodeId = clinic.referClient(clientId);
        Clinic.accepted(lead.post("/api/episodes/" + episodeId + "/assessment", Clinic.suitableAssessment()));
        Clinic.accepted(lead.post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistA, "allocatedOn", Clinic.ALLOCATED_ON.toString())));
        clinic.clientWhen(clientId, c -> c.get("episodes").size() == 1
                && therapistA.equals(c.get("episodes").get(0).path("therapistId").asText()));
        Api a = lead.withBearer(TestTokens.token("therapist-a", List.of("THERAPIST"), UUID.fromString(therapistA)));
        Api b = lead.withBearer(TestTokens.token("therapist-b", List.of("THERAPIST"), UUID.fromString(therapistB)));
        String search = "/api/clients?nhsNumber=" + client.get("nhsNumber");

        assertThat(a.get(search).json().get("total").asLong()).isEqualTo(1);
        assertThat(b.get(search).json().get("total").asLong()).isZero();
        assertThat(a.get("/api/clients/" + clientId).status()).isEqualTo(200);
        assertThat(b.get("/api/clients/" + clientId).status()).isEqualTo(403);
    }

    @Test
    void givenReportingOrAuditing_whenAnyClientPathIsCalled_then403() {
        String clientId = clinic.registerClient();
        Map<String, Object> corrected = new HashMap<>(Clinic.inventedClient());
        corrected.put("reason", "check");
        for (String user : List.of("reporting", "auditor")) {
            Api caller = lead.as(user);
            assertThat(caller.get("/api/clients?nhsNumber=" + Clinic.testNhsNumber()).status()).isEqualTo(403);
            assertThat(caller.get("/api/clients/" + clientId).status()).isEqualTo(403);
            assertThat(caller.post("/api/clients", Clinic.inventedClient()).status()).isEqualTo(403);
            assertThat(caller.post("/api/clients/" + clientId + "/details", corrected).status()).isEqualTo(403);
        }
    }

    @Test
    void givenAReadAndASearch_whenDone_thenBothAreInTheAccessLogWithTheClient() {
        Map<String, Object> client = Clinic.inventedClient();
        String clientId = clinic.registerClient(client);
        clinic.clientWhen(clientId, c -> true);
        Api supervisor = lead.as("supervisor");

        assertThat(supervisor.get("/api/clients/" + clientId).status()).isEqualTo(200);
        assertThat(supervisor.get("/api/clients?nhsNumber=" + client.get("nhsNumber")).status()).isEqualTo(200);
        assertThat(lead.as("reporting").get("/api/clients/" + clientId).status()).isEqualTo(403);

        List<String> reads = jdbc.queryForList("""
                SELECT actor || ' ' || endpoint || ' ' || status || ' ' || outcome FROM audit_access_log
                 WHERE clients @> ARRAY[?]::uuid[] ORDER BY id""", String.class, UUID.fromString(clientId));
        assertThat(reads).contains("supervisor GET /api/clients/{clientId} 200 ALLOWED",
                "supervisor GET /api/clients 200 ALLOWED", "reporting GET /api/clients/{clientId} 403 REFUSED");
        assertThat(jdbc.queryForList("SELECT request FROM audit_access_log WHERE clients @> ARRAY[?]::uuid[]", String.class,
                UUID.fromString(clientId))).as("no search term in clear").contains("/api/clients?nhsNumber=(withheld)")
                .noneMatch(request -> request.contains((String) client.get("nhsNumber")));
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> names = new ArrayList<>();
        response.json().get("invalidParams").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).as(response.toString()).contains(field);
    }
}
