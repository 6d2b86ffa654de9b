package org.dit.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Started as an operator would on a fresh machine (no database, no users configured): the service runs its own
 * durable PostgreSQL in DIT_DATA_DIR, creates one ADMIN whose password it prints once, and a restart keeps
 * everything that was accepted.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    private static final Pattern FIRST_ADMIN_PASSWORD = Pattern.compile("user 'admin' with role ADMIN and password '([^']+)'");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplication(DitApplication.class).run("--server.port=0", "--spring.datasource.url=",
                "--dit.embedded-db.data-dir=" + dataDir, "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String firstAdminPassword(CapturedOutput output) {
        Matcher matcher = FIRST_ADMIN_PASSWORD.matcher(output.getAll());
        assertThat(matcher.find()).as("the first start prints the admin password").isTrue();
        return matcher.group(1);
    }

    @Test
    void givenNothingConfigured_whenTheServiceStarts_thenItRunsADurableEmbeddedPostgresAndAFirstAdmin(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
            assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();
            Api anonymous = new Api(port(context)).anonymous();
            Api.Response health = anonymous.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            String password = firstAdminPassword(output);
            assertThat(anonymous.withPassword("admin", password).get("/actuator/health").json()
                    .get("components").get("db").get("status").asText()).isEqualTo("UP");
            assertThat(anonymous.withPassword("admin", password).get("/api/caseloads").status()).isEqualTo(200);
            assertThat(anonymous.withPassword("admin", password + "x").get("/api/caseloads").status()).isEqualTo(401);
        }
    }

    @Test
    void givenAnAcceptedReferral_whenTheServiceRestarts_thenTheEpisodeIsStillThere(CapturedOutput output) {
        String episodeId;
        String password;
        try (ConfigurableApplicationContext context = start()) {
            password = firstAdminPassword(output);
            Api admin = new Api(port(context)).withPassword("admin", password);
            Api.Response referral = admin.post("/api/episodes", Clinic.referral(admin));
            assertThat(referral.status()).isEqualTo(201);
            episodeId = referral.json().get("episodeId").asText();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/episodes/" + episodeId).status() == 200);
        }
        int printed = output.getAll().length();
        try (ConfigurableApplicationContext context = start()) {
            assertThat(output.getAll().substring(printed)).as("the password is shown once only").doesNotContain("password '");
            Api admin = new Api(port(context)).withPassword("admin", password);
            Api.Response episode = admin.get("/api/episodes/" + episodeId);
            assertThat(episode.status()).isEqualTo(200);
            assertThat(episode.json().get("status").asText()).isEqualTo("REFERRED");
            Api.Response assessed = admin.post("/api/episodes/" + episodeId + "/assessment", Clinic.suitableAssessment());
            assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                    episodeId)).isEqualTo(5);
        }
    }
}
