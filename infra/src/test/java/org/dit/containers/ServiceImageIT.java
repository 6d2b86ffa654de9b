package org.dit.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service's OCI image, built from the packaged jar on the locally built base (nothing pulled), run against the
 * container suite's PostgreSQL: health UP, a referral accepted, the reporting answers readable, and on SIGTERM a clean
 * stop: a command in flight completes, the process exits normally and logs no ERROR and no stack trace.
 */
@ExtendWith(RequiresLocalPostgresImage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceImageIT {

    static final String IMAGE = "dit-service:smoke-test";
    private static final Pattern FIRST_ADMIN_PASSWORD = Pattern.compile("user 'admin' with role ADMIN and password '([^']+)'");

    LocalPostgresContainer postgres;
    String container;
    int port;

    @BeforeAll
    void buildAndStartTheImage() throws Exception {
        File jar = new File(System.getProperty("dit.service.jar", "target/dit-service.jar"));
        assertThat(jar).exists();
        run(120, "docker", "build", "--network", "host", "-f", "src/main/docker/Dockerfile", "-t", IMAGE, ".");
        postgres = new LocalPostgresContainer(17);
        postgres.start();
        port = freePort();
        container = run(60, "docker", "run", "-d", "--network", "host",
                "-e", "SERVER_PORT=" + port,
                "-e", "SPRING_DATASOURCE_URL=" + postgres.getJdbcUrl(),
                "-e", "SPRING_DATASOURCE_USERNAME=" + postgres.getUsername(),
                "-e", "SPRING_DATASOURCE_PASSWORD=" + postgres.getPassword(),
                "-e", "DIT_CRYPTO_MASTER_KEY=" + org.dit.support.TestMasterKey.BASE64,
                "-e", "SPRING_FLYWAY_USER=" + LocalPostgresContainer.OWNER,
                "-e", "SPRING_FLYWAY_PASSWORD=" + LocalPostgresContainer.OWNER_PASSWORD, IMAGE).strip();
        Awaitility.await("the service in its container to answer health UP").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> new Api(port).anonymous().get("/actuator/health").text().contains("\"UP\""));
    }

    @AfterAll
    void removeTheContainers() throws Exception {
        if (container != null) {
            run(60, "docker", "rm", "-f", container);
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void givenTheImage_whenUsedAndStopped_thenItServesAndStopsCleanly() throws Exception {
        Api admin = new Api(port).withPassword("admin", firstAdminPassword());
        Api.Response referral = admin.post("/api/episodes", Clinic.referral(admin));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        assertThat(admin.get("/api/outcomes?from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
        assertThat(admin.get("/api/waiting-list").status()).isEqualTo(200);

        String key = UUID.randomUUID().toString();
        Map<String, Object> inFlightReferral = Clinic.referral(admin);
        // one request racing the SIGTERM: either it was accepted and completes, or the stopping server refused the
        // connection before reading it (nothing was accepted, so nothing can be lost)
        CompletableFuture<Api.Response> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return admin.post("/api/episodes", inFlightReferral, "Idempotency-Key", key);
            } catch (java.io.UncheckedIOException refusedBeforeRead) {
                return null;
            }
        });
        String exit = run(90, "sh", "-c", "docker stop --time 60 " + container + " >/dev/null && docker wait " + container);

        Api.Response answered = inFlight.get(30, TimeUnit.SECONDS);
        if (answered != null) {
            assertThat(answered.status()).as("a command in flight when SIGTERM arrives completes").isIn(201, 503);
        }
        String logs = run(30, "docker", "logs", container);
        assertThat(exit.strip()).as(logs).isIn("0", "143");
        assertThat(logs).as("a clean stop").doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    private String firstAdminPassword() throws Exception {
        Matcher matcher = FIRST_ADMIN_PASSWORD.matcher(run(30, "docker", "logs", container));
        assertThat(matcher.find()).as("the first start prints the admin password").isTrue();
        return matcher.group(1);
    }

    private static String run(int seconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + seconds + " s");
        }
        String text = new String(output.join(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
        }
        return text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
