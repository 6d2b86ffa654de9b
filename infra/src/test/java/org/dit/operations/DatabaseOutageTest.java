package org.dit.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.dit.support.TestMasterKey;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL stops under the running service and comes back: meanwhile every request is answered promptly with 503
 * and Retry-After and health is DOWN; afterwards the same service, never restarted, accepts commands again and every
 * projection catches up by itself.
 */
class DatabaseOutageTest {

    /** Hikari's connection timeout is 5 s; anything near this bound would mean a request hangs on the database. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** The bcrypt hash of "lead-test-pw" (cost 4), the suite's clinic-lead password, for a user stored in the database. */
    private static final String STORED_USER_HASH = "{bcrypt}$2a$04$EWqEZFCrDj/bcpMyCWV.uujNJUoBGvihJkBLFTBEujVurGMvrnfxu";

    private record Timed(Api.Response response, Duration took) {
    }

    private static Timed timed(Supplier<Api.Response> request) {
        long start = System.nanoTime();
        Api.Response response = request.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void assertUnavailable(String what, Timed timed) {
        Api.Response response = timed.response();
        assertThat(timed.took()).as(what + " answered within a bounded time: " + response).isLessThan(BOUND);
        assertThat(response.status()).as(what + ": " + response).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/service-unavailable");
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static ConfigurableApplicationContext start(RestartablePostgres postgres) {
        // no users in configuration: Basic sign-in reads the security_user table on every request
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--dit.crypto.master-key=" + TestMasterKey.BASE64,
                "--logging.level.root=WARN", "--logging.level.org.axonframework.eventhandling.pooled=ERROR"));
        args.addAll(List.of(TestTokens.serviceArguments()));
        return new SpringApplication(DitApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void givenARunningService_whenPostgresStopsAndStartsAgain_thenRequestsGet503MeanwhileAndTheServiceRecoversByItself()
            throws Exception {
        try (RestartablePostgres postgres = new RestartablePostgres();
             ConfigurableApplicationContext context = start(postgres)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
            jdbc.update("INSERT INTO security_user (username, password_hash, roles) VALUES (?, ?, ?)",
                    "outage-lead", STORED_USER_HASH, "ADMIN,SUPERVISOR,REPORTING");
            assertThat(jdbc.execute((ConnectionCallback<Integer>) Connection::getNetworkTimeout))
                    .as("the driver's socket timeout applies to an external URL too").isEqualTo(20_000);
            Api anonymous = new Api(port).anonymous();
            Api basic = anonymous.withPassword("outage-lead", "lead-test-pw");
            Api bearer = anonymous.withBearer(TestTokens.token("outage-lead", List.of("ADMIN", "SUPERVISOR", "REPORTING"), null));
            Clinic clinic = new Clinic(bearer);
            Api therapist = anonymous.withBearer(TestTokens.token("outage-therapist", List.of("THERAPIST"), UUID.randomUUID()));

            String therapistId = clinic.registerTherapist(10);
            String waiting = clinic.referClient();
            Map<String, Object> referral = Clinic.referral(bearer);
            assertThat(basic.get("/api/caseloads").status()).isEqualTo(200);
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);

            postgres.stop();

            // Health first: probing the pool also retires the connections PostgreSQL closed. (A batch insert on such a
            // connection trips an assert inside pgjdbc when assertions are on, as in this test JVM: pgjdbc issue 1458.)
            Timed health = timed(() -> anonymous.get("/actuator/health"));
            assertThat(health.took()).isLessThan(BOUND);
            assertThat(health.response().status()).isEqualTo(503);
            assertThat(health.response().json().get("status").asText()).isEqualTo("DOWN");
            assertThat(health.response().json().has("components")).as("an anonymous probe gets the status only").isFalse();
            assertThat(anonymous.get("/actuator/health/liveness").status()).as("a restart would not help").isEqualTo(200);

            // the rest at once, as many clients would: each must be answered within the bound on its own
            String key = UUID.randomUUID().toString();
            Map<String, Supplier<Api.Response>> requests = Map.of(
                    "new referral", () -> bearer.post("/api/episodes", referral, "Idempotency-Key", key),
                    "assessment", () -> bearer.post("/api/episodes/" + waiting + "/assessment", Clinic.suitableAssessment()),
                    "episode query", () -> bearer.get("/api/episodes/" + waiting),
                    "waiting-list query", () -> bearer.get("/api/waiting-list"),
                    "Basic sign-in from the database", () -> basic.get("/api/caseloads"),
                    "a therapist's access rule, read from the database", () -> therapist.get("/api/episodes/" + waiting));
            ExecutorService clients = Executors.newFixedThreadPool(requests.size() + 1);
            try {
                Map<String, Future<Timed>> answers = new java.util.TreeMap<>();
                requests.forEach((name, request) -> answers.put(name, clients.submit(() -> timed(request))));
                Future<Timed> readiness = clients.submit(() -> timed(() -> anonymous.get("/actuator/health/readiness")));
                for (Map.Entry<String, Future<Timed>> answer : answers.entrySet()) {
                    assertUnavailable(answer.getKey(), answer.getValue().get(30, TimeUnit.SECONDS));
                }
                Timed ready = readiness.get(30, TimeUnit.SECONDS);
                assertThat(ready.took()).isLessThan(BOUND);
                assertThat(ready.response().status()).as("not ready: " + ready.response()).isEqualTo(503);
            } finally {
                clients.shutdownNow();
            }

            postgres.start();

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> anonymous.get("/actuator/health").status() == 200);
            assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
            Api.Response retried = bearer.post("/api/episodes", referral, "Idempotency-Key", key);
            assertThat(retried.status()).as("the unanswered request was not remembered: " + retried).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isNull();
            String referredAfter = retried.json().get("episodeId").asText();
            Clinic.accepted(bearer.post("/api/episodes/" + waiting + "/assessment", Clinic.suitableAssessment()));
            Clinic.accepted(bearer.post("/api/episodes/" + waiting + "/allocation",
                    Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));
            assertThat(basic.get("/api/caseloads").status()).isEqualTo(200);

            // Axon's pooled processors retry with a back-off that doubles up to 60 s (not configurable): catch-up
            // follows within that bound once the database is back
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode statuses = bearer.get("/api/admin/projections").json();
                boolean all = statuses.size() == 7;
                for (JsonNode status : statuses) {
                    all &= status.get("caughtUp").asBoolean();
                }
                return all;
            });
            JsonNode episode = clinic.episodeWhen(waiting, e -> "IN_THERAPY".equals(e.get("status").asText()));
            assertThat(episode.get("therapistId").asText()).isEqualTo(therapistId);
            assertThat(clinic.episodeWhen(referredAfter, e -> true).get("status").asText()).isEqualTo("REFERRED");
            JsonNode caseload = bearer.get("/api/caseloads/" + therapistId).json();
            assertThat(caseload.get("entries")).extracting(e -> e.get("episodeId").asText()).containsExactly(waiting);
        }
    }
}
