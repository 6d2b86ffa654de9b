package org.dit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With no database configured the service starts its own PostgreSQL in DIT_DATA_DIR, durable, and a restart
 * keeps everything that was accepted.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplication(DitApplication.class).run("--server.port=0", "--spring.datasource.url=",
                "--dit.embedded-db.data-dir=" + dataDir, "--spring.profiles.active=test");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void givenNoDatabaseConfigured_whenTheServiceStarts_thenItRunsADurableEmbeddedPostgres() {
        try (ConfigurableApplicationContext context = start()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
            assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();
            Api.Response health = new Api(port(context)).get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void givenAnAcceptedReferral_whenTheServiceRestarts_thenTheEpisodeIsStillThere() {
        String episodeId;
        try (ConfigurableApplicationContext context = start()) {
            Clinic clinic = new Clinic(new Api(port(context)));
            episodeId = clinic.referClient();
            clinic.episodeWhen(episodeId, e -> true);
        }
        try (ConfigurableApplicationContext context = start()) {
            Api api = new Api(port(context));
            Api.Response episode = api.get("/api/episodes/" + episodeId);
            assertThat(episode.status()).isEqualTo(200);
            assertThat(episode.json().get("status").asText()).isEqualTo("REFERRED");
            Api.Response assessed = api.post("/api/episodes/" + episodeId + "/assessment", Clinic.suitableAssessment());
            assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry", String.class)).contains(episodeId);
            assertThat(Map.of("events", jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)))
                    .containsEntry("events", 5L);
        }
    }
}
