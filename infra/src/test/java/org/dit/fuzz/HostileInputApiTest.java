package org.dit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input to every endpoint: thousands of mutated requests from a seeded corpus ({@link HostileCorpus}), and
 * the size bound at its edges. Every answer must be below 500, carry no stack trace or class names, be a problem
 * document with a type when it is an error, be 413 when the body is over the limit, and append nothing when it is a
 * 4xx. Rerun a failure with {@code -Ddit.fuzz.seed=<seed>} (and {@code -Ddit.fuzz.requests=<n>}).
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputApiTest {

    private static final long SEED = Long.getLong("dit.fuzz.seed", 20261122L);
    private static final int REQUESTS = Integer.getInteger("dit.fuzz.requests", 2000);
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at org.", "at java.", ".java:", "org.springframework",
            "org.axonframework", "com.fasterxml", "org.postgresql", "jakarta.", "java.lang", "SQLState", "ERROR:", "Caused by");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${dit.http.max-request-size}")
    DataSize maxRequestSize;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ObjectMapper webJson;

    Api api;
    Clinic clinic;
    HostileHttp http;
    Pool pool;

    @BeforeAll
    void clinic() {
        api = new Api(port);
        clinic = new Clinic(api);
        http = new HostileHttp(port);
        pool = new Pool(clinic.registerTherapist(200), clinic.registerTherapist(3));
        for (int i = 0; i < 3; i++) {
            pool.grow();
        }
    }

    @Test
    void everyEndpoint_givenThousandsOfHostileRequests_neverFailsLeaksOrAppendsOnRefusal() {
        HostileCorpus corpus = new HostileCorpus(SEED, pool, maxRequestSize.toBytes());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int sent = 0;
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            if (i % 300 == 299) {
                pool.grow();
            }
            HostileRequest request = corpus.next(i);
            long before = head();
            HostileHttp.Answer answer = http.send(request);
            if (answer == null) {
                continue;
            }
            sent++;
            statuses.merge(answer.status(), 1, Integer::sum);
            String failure = judge(request, answer, before, head());
            if (failure != null) {
                failures.add("#" + i + " " + request + " -> " + failure);
            }
        }
        // the corpus's single mutations seldom pair a valid request with a role that may not send it: add such requests,
        // which the access rules beside the endpoints must refuse before the domain sees them
        Api reporting = new Api(port).as("reporting");
        for (String path : List.of("/api/episodes", "/api/therapists")) {
            Map<String, Object> body = path.endsWith("episodes") ? Clinic.referral(new Api(port))
                    : Map.of("name", "Pat Example", "accreditation", "QUALIFIED", "maxCaseload", 3);
            long before = head();
            Api.Response refused = reporting.post(path, body);
            statuses.merge(refused.status(), 1, Integer::sum);
            if (refused.status() != 403 || head() != before) {
                failures.add("REPORTING POST " + path + " -> " + refused.status() + ", appended " + (head() - before));
            }
        }
        System.out.printf("hostile corpus: seed %d, %d requests sent (%d not expressible by the client) in %d ms, statuses %s%n",
                SEED, sent, REQUESTS - sent, (System.nanoTime() - started) / 1_000_000, statuses);

        assertThat(failures).as("seed " + SEED + ": " + failures.size() + " failures").isEmpty();
        assertThat(sent).as("requests the client could send").isGreaterThan(REQUESTS * 9 / 10);
        List<String> served = servedEndpoints();
        assertThat(served).isNotEmpty();
        assertThat(normalised(corpus.endpointTemplates())).as("the corpus covers every endpoint the service maps")
                .containsAll(normalised(served));
        assertThat(statuses.keySet()).as("the corpus reaches the domain and is refused at every layer")
                .contains(200, 201, 400, 401, 403, 404, 409, 413, 415);
        everyReadModelCatchesUp();
    }

    @Test
    void givenAnIdempotencyKeyWithBytesOutsideAscii_whenAValidReferralIsSent_thenA400NamesTheHeaderAndNothingIsAppended() {
        String body = "{\"clientId\":\"" + java.util.UUID.randomUUID() + "\",\"referralSource\":\"GP\","
                + "\"referredOn\":\"2026-03-02\",\"presentingProblem\":\"DEPRESSION\",\"priority\":\"ROUTINE\"}";
        String request = "POST /api/episodes HTTP/1.1\r\nHost: x\r\nAuthorization: " + HostileHttp.basic("clinic-lead")
                + "\r\nIdempotency-Key: cl\u00e9-\u00ff\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        long before = head();

        HostileHttp.Answer answer = http.raw(request.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("Idempotency-Key");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void givenABodyOneByteOverTheLimit_thenRefusedWith413BeforeItIsParsed_andOneAtTheLimitIsAccepted() {
        long limit = maxRequestSize.toBytes();
        Map<String, Object> referral = Clinic.referral(api);
        long before = head();

        HostileHttp.Answer over = http.send(referral(padded(referral, limit + 1), false));
        assertThat(over.status()).as(over.body()).isEqualTo(413);
        assertProblem(over, "/problems/payload-too-large");
        assertThat(head()).isEqualTo(before);

        HostileHttp.Answer atLimit = http.send(referral(padded(referral, limit), false));
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
    }

    @Test
    void givenAChunkedBodyWithoutLength_thenTheLimitHoldsToo() {
        long limit = maxRequestSize.toBytes();
        Map<String, Object> referral = Clinic.referral(api);
        long before = head();

        HostileHttp.Answer over = http.send(referral(padded(referral, limit + 1), true));
        assertThat(over.status()).as(over.body()).isEqualTo(413);
        assertProblem(over, "/problems/payload-too-large");
        assertThat(head()).isEqualTo(before);

        HostileHttp.Answer within = http.send(referral(padded(referral, limit), true));
        assertThat(within.status()).as(within.body()).isEqualTo(201);
    }

    @Test
    void givenTheLargestValidFocus_sentWithEveryCharacterEscaped_thenItFitsTheLimit() {
        String episodeId = pool.freshInTherapy();
        String text = "é".repeat(4000);
        StringBuilder body = new StringBuilder("{");
        for (String field : List.of("selfRepresentation", "otherRepresentation", "affect", "defensiveFunction", "reason")) {
            body.append(body.length() > 1 ? "," : "").append('"').append(field).append("\":\"")
                    .append("\\u00e9".repeat(text.length())).append('"');
        }
        byte[] bytes = body.append('}').toString().getBytes(StandardCharsets.UTF_8);
        assertThat((long) bytes.length).isGreaterThan(maxRequestSize.toBytes() * 9 / 10);

        HostileHttp.Answer answer = http.send(new HostileRequest("POST", "/api/episodes/" + episodeId + "/focus",
                "application/json", bytes, false, auth("clinic-lead"), false, "largest valid focus"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode view = clinic.episodeWhen(episodeId, e -> e.path("focus").hasNonNull("affect"));
        assertThat(view.path("focus").path("affect").asText()).isEqualTo(text);
    }

    @Test
    void givenJsonNestedDeeperThanAnyRequest_orANumberLongerThanAnyValue_thenInvalidInputNotAServerError() throws Exception {
        // the web layer's parser stops at 32 levels and 64-digit numbers, long before Jackson's own defaults (1000, 1000)
        assertThat(webJson.readTree("[".repeat(32) + "]".repeat(32)).isArray()).isTrue();
        assertThatThrownBy(() -> webJson.readTree("[".repeat(33) + "]".repeat(33))).isInstanceOf(StreamConstraintsException.class);
        assertThat(webJson.readTree("9".repeat(64)).isNumber()).isTrue();
        assertThatThrownBy(() -> webJson.readTree("9".repeat(65))).isInstanceOf(StreamConstraintsException.class);

        String episodeId = pool.freshInTherapy();
        long before = head();
        for (String items : List.of("[".repeat(40) + "]".repeat(40), "[".repeat(5000) + "]".repeat(5000),
                "[" + "9".repeat(100) + "]", "9".repeat(100_000))) {
            byte[] body = ("{\"instrument\":\"GAD7\",\"recordedOn\":\"2026-04-01\",\"items\":" + items + "}")
                    .getBytes(StandardCharsets.UTF_8);
            HostileHttp.Answer answer = http.send(new HostileRequest("POST", "/api/episodes/" + episodeId + "/measures",
                    "application/json", body, false, auth("clinic-lead"), false, "hostile items"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertProblem(answer, "/problems/invalid-input");
        }
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void givenRequestsNoClientLibraryWouldSend_thenRefusedWithoutAServerError() {
        String auth = "Authorization: " + HostileHttp.basic("clinic-lead") + "\r\n";
        List<String> requests = List.of(
                "GET /api/episodes/%zz HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
                "GET /api/episodes/%FF%FE HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
                "GET /api/caseloads?%zz=1 HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
                "POST /api/episodes HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "POST /api/episodes HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n7fffffffffffffff\r\n{}\r\n0\r\n\r\n",
                "POST /api/episodes HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: 99999999999999999999\r\nConnection: close\r\n\r\n{}",
                "POST /api/episodes HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: 10\r\nConnection: close\r\n\r\n{}",
                "GET /api/caseloads HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "POST /api/episodes HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 2\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n",
                // header values that are not UTF-8 (Tomcat reads them as ISO-8859-1), and a NUL in one
                "GET /api/caseloads HTTP/1.1\r\nHost: x\r\nAuthorization: Basic \u00ff\u00fe\r\nConnection: close\r\n\r\n",
                "POST /api/episodes HTTP/1.1\r\nHost: x\r\n" + auth + "Idempotency-Key: \u00c3\u0028\u00ff\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{\"a\"",
                "GET /api/caseloads HTTP/1.1\r\nHost: x\r\n" + auth + "X-Correlation-Id: a\u0000b\r\nConnection: close\r\n\r\n",
                "GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /error HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
                "GET /api/nothing-here HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n");
        List<String> failures = new ArrayList<>();
        for (String request : requests) {
            long before = head();
            HostileHttp.Answer answer = http.raw(request.getBytes(StandardCharsets.ISO_8859_1));
            String failure = judge(new HostileRequest("RAW", request.substring(0, request.indexOf('\r')), null, null, false,
                    Map.of(), false, "raw"), answer, before, head());
            if (failure != null) {
                failures.add(request.substring(0, Math.min(120, request.length())) + " -> " + failure);
            }
        }
        assertThat(failures).isEmpty();

        // a 5xx that is no server fault: 505 is the protocol's answer to a version the server does not speak
        HostileHttp.Answer version = http.raw(("GET /api/caseloads HTTP/9.9\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(version.status()).isEqualTo(505);
        assertProblem(version, "/problems/http-version-not-supported");
    }

    @Test
    void everyQueryParameter_givenEveryHostileValue_thenAnsweredWithoutAServerError() {
        String episodeId = pool.anyEpisode(new Random(SEED));
        List<String> targets = List.of("/api/waiting-list?asOf=%s", "/api/referrals/awaiting-assessment?asOf=%s",
                "/api/waiting-list/allocated-not-seen?asOf=%s", "/api/outcomes?from=%s", "/api/outcomes?to=%s",
                "/api/outcomes/monthly?to=%s",
                "/api/outcomes?from=%s&to=2026-12-31",
                "/api/outcomes?from=2026-01-01&to=%s", "/api/outcomes?from=2026-01-01&to=2026-12-31&therapistId=%s",
                "/api/outcomes/monthly?from=%s&to=2026-12-31", "/api/outcomes/monthly?from=2026-01-01&to=%s",
                "/api/audit/episodes/" + episodeId + "/state?asOf=%s", "/api/audit/events?after=%s&limit=5",
                "/api/audit/events?after=0&limit=%s", "/api/audit/access?episodeId=%s", "/api/audit/checkpoints?after=%s&limit=5",
                "/api/audit/checkpoints?after=0&limit=%s");
        List<String> failures = new ArrayList<>();
        for (String target : targets) {
            for (String value : HostileCorpus.HOSTILE_QUERY_VALUES) {
                String user = target.startsWith("/api/audit") ? "auditor" : "clinic-lead";
                HostileRequest request = new HostileRequest("GET", target.formatted(value), null, null, false, auth(user), false,
                        "query value " + value);
                long before = head();
                HostileHttp.Answer answer = http.send(request);
                String failure = answer == null ? null : judge(request, answer, before, head());
                if (failure != null) {
                    failures.add(request + " -> " + failure);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void givenDatesOffTheCalendar_thenInvalidInputNamingTheField_andNothingAppended() {
        String episodeId = pool.freshInTherapy();
        String clientId = clinic.registerClient();
        long before = head();
        for (String date : List.of("-999999999-01-01", "-5000-01-01", "0000-01-01", "1899-12-31")) {
            Map<String, Object> referral = new LinkedHashMap<>(Clinic.referral(clientId));
            referral.put("referredOn", date);
            assertInvalid(api.post("/api/episodes", referral), "referredOn");
            assertInvalid(api.post("/api/episodes/" + episodeId + "/measures",
                    Map.of("instrument", "GAD7", "items", Clinic.GAD7_MILD, "recordedOn", date)), "recordedOn");
        }
        for (String instant : List.of("+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z",
                "1899-12-31T23:00:00Z")) {
            assertInvalid(api.post("/api/episodes/" + episodeId + "/sessions", Map.of("startsAt", instant, "mode", "VIDEO")),
                    "startsAt");
            assertInvalid(api.post("/api/episodes/" + episodeId + "/sessions/2/reschedule", Map.of("startsAt", instant)),
                    "startsAt");
        }
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void givenACommandWhoseAcceptHeaderRulesOutJson_thenItIsStillAnsweredInJson_sinceItsEventsAreCommitted() {
        Map<String, Object> referral = Clinic.referral(api);
        long before = head();
        Api.Response response = api.post("/api/episodes", referral, "Accept", "text/html");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("episodeId").asText()).isNotBlank();
        assertThat(head()).isGreaterThan(before);
    }

    @Test
    void givenAWildcardContentType_thenUnsupportedMediaType() {
        Map<String, Object> referral = Clinic.referral(api);
        long before = head();
        for (String type : List.of("*/*", "application/*")) {
            HostileHttp.Answer answer = http.send(new HostileRequest("POST", "/api/episodes", type,
                    padded(referral, 300), false, auth("clinic-lead"), false, "wildcard content type"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(415);
            assertProblem(answer, "/problems/unsupported-media-type");
        }
        assertThat(head()).isEqualTo(before);
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).contains(field);
    }

    private List<String> servedEndpoints() {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().filter(path -> path.startsWith("/api/"))
                        .flatMap(path -> info.getMethodsCondition().getMethods().stream().map(method -> method + " " + path)))
                .toList();
    }

    /** "POST /api/episodes/{inTherapy}/sessions/{n}/missed" and "…/{episodeId}/sessions/{number}/missed" alike. */
    private static java.util.Set<String> normalised(List<String> endpoints) {
        return endpoints.stream().map(e -> e.split("\\?")[0].replaceAll("\\{[^}]+}", "{}"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private String judge(HostileRequest request, HostileHttp.Answer answer, long headBefore, long headAfter) {
        int status = answer.status();
        String body = answer.body() == null ? "" : answer.body();
        if (status >= 500) {
            return status + " " + abbreviate(body);
        }
        if (request.tooLarge() && status != 413) {
            return "not 413 for an oversized body but " + status + " " + abbreviate(body);
        }
        if (status >= 400 && headAfter != headBefore) {
            return status + " but the event log grew from " + headBefore + " to " + headAfter;
        }
        if (status < 400) {
            return null;
        }
        // error answers never echo internals (success answers are data, and may hold any text a client stored)
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                return status + " leaks '" + leak + "': " + abbreviate(body);
            }
        }
        if ("HEAD".equals(request.method())) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return status + " with content type " + answer.contentType() + ": " + abbreviate(body);
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (!problem.path("type").asText().startsWith("/problems/") || problem.path("status").asInt() != status) {
                return status + " problem without a /problems/ type or with another status: " + abbreviate(body);
            }
        } catch (java.io.IOException e) {
            return status + " problem+json that is not JSON: " + abbreviate(body);
        }
        return null;
    }

    private void everyReadModelCatchesUp() {
        Awaitility.await("every projection reaches the head of the log").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode statuses = api.get("/api/admin/projections").json();
                    for (JsonNode status : statuses) {
                        if (!status.get("caughtUp").asBoolean()) {
                            return false;
                        }
                    }
                    return statuses.size() == 7;
                });
    }

    private static void assertProblem(HostileHttp.Answer answer, String type) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private HostileRequest referral(byte[] body, boolean chunked) {
        return new HostileRequest("POST", "/api/episodes", "application/json", body, chunked, auth("clinic-lead"),
                false, "padded referral");
    }

    /** The JSON of the body, padded with insignificant whitespace to exactly {@code size} bytes. */
    private static byte[] padded(Map<String, Object> body, long size) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return (json + " ".repeat((int) size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> auth(String user) {
        return Map.of("Authorization", HostileHttp.basic(user));
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Episodes in every state the commands need; grown during the run, since accepted mutations move them on. */
    private final class Pool implements HostileCorpus.Targets {

        private final String therapistId;
        private final String leaverId;
        private final List<String> referred = new ArrayList<>();
        private final List<String> waiting = new ArrayList<>();
        private final List<String> inTherapy = new ArrayList<>();
        private final List<String[]> measured = new ArrayList<>();
        private final List<String> clients = new ArrayList<>();
        private int slots;

        Pool(String therapistId, String leaverId) {
            this.therapistId = therapistId;
            this.leaverId = leaverId;
        }

        void grow() {
            clients.add(clinic.registerClient());
            referred.add(clinic.referClient());
            waiting.add(clinic.waitingClient());
            String episodeId = freshInTherapy();
            inTherapy.add(episodeId);
            Api.Response measure = api.post("/api/episodes/" + episodeId + "/measures",
                    Map.of("instrument", "PHQ9", "items", Clinic.PHQ9_MILD, "recordedOn", "2026-04-01"));
            Clinic.accepted(measure);
            measured.add(new String[] {episodeId, measure.json().get("measureId").asText()});
        }

        /** In therapy with this pool's therapist: session 1 attended, session 2 booked (slots never overlap). */
        String freshInTherapy() {
            String episodeId = clinic.clientInTherapyWith(therapistId);
            Instant first = Instant.parse("2026-04-01T06:00:00Z").plus(slots++ * 2L, ChronoUnit.HOURS);
            clinic.book(episodeId, first);
            clinic.attend(episodeId, 1, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);
            clinic.book(episodeId, first.plus(7, ChronoUnit.DAYS));
            return episodeId;
        }

        private static String recent(List<String> ids, Random random) {
            return ids.get(Math.max(0, ids.size() - 1 - random.nextInt(Math.min(ids.size(), 4))));
        }

        @Override
        public String referred(Random random) {
            return recent(referred, random);
        }

        @Override
        public String waiting(Random random) {
            return recent(waiting, random);
        }

        @Override
        public String inTherapy(Random random) {
            return recent(inTherapy, random);
        }

        @Override
        public String client(Random random) {
            return recent(clients, random);
        }

        @Override
        public String anyEpisode(Random random) {
            return switch (random.nextInt(3)) {
                case 0 -> referred(random);
                case 1 -> waiting(random);
                default -> inTherapy(random);
            };
        }

        @Override
        public String[] measured(Random random) {
            return measured.get(Math.max(0, measured.size() - 1 - random.nextInt(Math.min(measured.size(), 4))));
        }

        @Override
        public String therapist() {
            return therapistId;
        }

        @Override
        public String leaver() {
            return leaverId;
        }

        @Override
        public long head() {
            return HostileInputApiTest.this.head();
        }
    }
}
