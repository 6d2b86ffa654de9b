package org.dit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.events.client.NhsNumber;

/**
 * Test data in the clinic's language, driven through the HTTP API. Every step asserts it was accepted, so a
 * test reads as the story it tells. Dates are invented and in the past; no real person appears anywhere.
 */
public final class Clinic {

    public static final LocalDate REFERRED_ON = LocalDate.of(2026, 3, 2);
    public static final LocalDate ASSESSED_ON = LocalDate.of(2026, 3, 9);
    public static final LocalDate ALLOCATED_ON = LocalDate.of(2026, 3, 16);
    public static final Instant FIRST_SESSION = Instant.parse("2026-03-23T09:00:00Z");
    /** PHQ-9 total 15 (moderately severe), GAD-7 total 12 (moderate): at caseness. Item 9 is 0: no risk indication. */
    public static final List<Integer> PHQ9_MODERATELY_SEVERE = List.of(2, 2, 2, 2, 2, 2, 2, 1, 0);
    public static final List<Integer> GAD7_MODERATE = List.of(2, 2, 2, 2, 2, 1, 1);
    public static final List<Integer> PHQ9_MILD = List.of(1, 1, 1, 1, 1, 1, 0, 0, 0);
    public static final List<Integer> GAD7_MILD = List.of(1, 1, 1, 1, 1, 0, 0);
    public static final Map<String, Object> FOCUS = Map.of(
            "selfRepresentation", "Overlooked, an afterthought",
            "otherRepresentation", "Busy and dismissive",
            "affect", "Quiet anger, then shame",
            "defensiveFunction", "Withdraws first so as not to be dropped");

    /** Test NHS numbers are handed out in turn from a random start, so no two in one run collide. */
    private static final AtomicInteger NEXT_NHS_NUMBER = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final Api api;

    public Clinic(Api api) {
        this.api = api;
    }

    public Api api() {
        return api;
    }

    public String registerTherapist(int maxCaseload) {
        Api.Response response = api.post("/api/therapists", Map.of("name", "Sam Testwell", "accreditation", "QUALIFIED",
                "maxCaseload", maxCaseload));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("therapistId").asText();
    }

    /** An NHS number from the 999 range, which is never issued to a person, with a right check digit. */
    public static String testNhsNumber() {
        while (true) {
            String nine = String.format("999%06d", Math.floorMod(NEXT_NHS_NUMBER.getAndIncrement(), 1_000_000));
            Integer check = NhsNumber.checkDigit(nine);
            if (check != null) {
                return nine + check;
            }
        }
    }

    /** A family name no other test uses: invented, letters only. */
    public static String inventedFamilyName() {
        StringBuilder name = new StringBuilder("Testclient-");
        for (int i = 0; i < 8; i++) {
            name.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
        }
        return name.toString();
    }

    /** A registration of an invented client with a fresh test NHS number. */
    public static Map<String, Object> inventedClient() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("nhsNumber", testNhsNumber());
        client.put("givenName", "Testa");
        client.put("familyName", inventedFamilyName());
        client.put("dateOfBirth", "1990-05-17");
        client.put("gender", "NOT_STATED");
        client.put("ethnicCategory", "Z");
        client.put("postcode", "LS1 4AP");
        client.put("phone", "0113 496 0000");
        client.put("email", "testa@example.org");
        client.put("gpPracticeCode", "B86001");
        client.put("preferredLanguage", "en");
        client.put("interpreterNeeded", false);
        client.put("contactConsent", List.of("LETTER", "EMAIL"));
        return client;
    }

    public String registerClient() {
        return registerClient(inventedClient());
    }

    public String registerClient(Map<String, Object> client) {
        Api.Response response = api.post("/api/clients", client);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("clientId").asText();
    }

    /** Waits (bounded) until the client read model satisfies the condition, and returns it. */
    public JsonNode clientWhen(String clientId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    Api.Response response = api.get("/api/clients/" + clientId);
                    last[0] = response.status() == 200 ? response.json() : null;
                    return last[0] != null && condition.test(last[0]);
                });
        return last[0];
    }

    /** A referral of an invented client, registered first through {@code api} (a referral names a registered client). */
    public static Map<String, Object> referral(Api api) {
        return referral(new Clinic(api).registerClient());
    }

    public static Map<String, Object> referral(String clientId) {
        return Map.of("clientId", clientId, "referralSource", "GP", "referredOn", REFERRED_ON.toString(),
                "presentingProblem", "DEPRESSION", "priority", "ROUTINE");
    }

    public String referClient(String clientId) {
        Api.Response response = api.post("/api/episodes", referral(clientId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("episodeId").asText();
    }

    public String referClient() {
        Api.Response response = api.post("/api/episodes", referral(api));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("episodeId").asText();
    }

    public static Map<String, Object> suitableAssessment() {
        return Map.of("assessedOn", ASSESSED_ON.toString(), "suitable", true, "phq9", PHQ9_MODERATELY_SEVERE,
                "gad7", GAD7_MODERATE);
    }

    public String waitingClient() {
        String episodeId = referClient();
        accepted(api.post("/api/episodes/" + episodeId + "/assessment", suitableAssessment()));
        return episodeId;
    }

    public String clientInTherapyWith(String therapistId) {
        String episodeId = waitingClient();
        accepted(api.post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", ALLOCATED_ON.toString())));
        return episodeId;
    }

    public int book(String episodeId, Instant startsAt) {
        Api.Response response = api.post("/api/episodes/" + episodeId + "/sessions",
                Map.of("startsAt", startsAt.toString(), "mode", "IN_PERSON"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("sessionNumber").asInt();
    }

    public static Instant week(int sessionNumber) {
        return FIRST_SESSION.plus(7L * (sessionNumber - 1), ChronoUnit.DAYS);
    }

    public void attend(String episodeId, int number, List<Integer> phq9, List<Integer> gad7) {
        accepted(api.post("/api/episodes/" + episodeId + "/sessions/" + number + "/attendance",
                Map.of("phq9", phq9, "gad7", gad7)));
    }

    /** Books and attends sessions 1 to n (agreeing the focus after session 4 when n goes past it). */
    public void attendSessions(String episodeId, int upTo) {
        for (int n = 1; n <= upTo; n++) {
            assertThat(book(episodeId, week(n))).isEqualTo(n);
            if (n == 5) {
                agreeFocus(episodeId);
            }
            attend(episodeId, n, PHQ9_MODERATELY_SEVERE, GAD7_MODERATE);
        }
    }

    public void agreeFocus(String episodeId) {
        accepted(api.post("/api/episodes/" + episodeId + "/focus", FOCUS));
    }

    public static void accepted(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    /** Waits (bounded) until the episode read model satisfies the condition, and returns it. */
    public JsonNode episodeWhen(String episodeId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    Api.Response response = api.get("/api/episodes/" + episodeId);
                    last[0] = response.status() == 200 ? response.json() : null;
                    return last[0] != null && condition.test(last[0]);
                });
        return last[0];
    }
}
