package org.dit.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service on a PostgreSQL set up as docs/database-roles.md tells a DBA (the DBA script run once; the migrations as
 * {@code dit_owner}, neither superuser nor allowed to create roles; the service as {@code dit_app}), reached through
 * Testcontainers' {@code @ServiceConnection}: the
 * migrations, the event store, every projection and a whole course over real HTTP. One subclass per major version.
 */
@ExtendWith(RequiresLocalPostgresImage.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CourseOnPostgresContainer {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    abstract int major();

    @Test
    void givenTheServiceOnThisPostgresVersion_whenAWholeCourseRuns_thenTheLogTheReadModelsAndTheChainAgree() {
        assertThat(jdbc.queryForObject("SHOW server_version_num", Integer.class) / 10_000).isEqualTo(major());
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(LocalPostgresContainer.APP);
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = ?", Boolean.class,
                LocalPostgresContainer.OWNER)).as("the migrations ran as an ordinary owner").isFalse();
        JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(jdbc.queryForObject(
                "SELECT 'jdbc:postgresql://127.0.0.1:' || current_setting('port') || '/' || current_database()", String.class),
                LocalPostgresContainer.OWNER, LocalPostgresContainer.OWNER_PASSWORD));
        assertThat(owner.queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
                .containsExactly(LocalPostgresContainer.OWNER);
        Api api = new Api(port);
        Clinic clinic = new Clinic(api);
        String episodeId = clinic.clientInTherapyWith(clinic.registerTherapist(5));

        clinic.attendSessions(episodeId, 16);
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/goodbye-letter", Map.of("sharedOn", "2026-06-15")));
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/ending", Map.of("endedOn", "2026-07-10", "reason", "COMPLETED")));

        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                episodeId);
        assertThat(events).isGreaterThan(40);
        JsonNode episode = clinic.episodeWhen(episodeId, e -> "ENDED".equals(e.path("status").asText())
                && "COMPLETED".equals(e.path("endReason").asText()));
        assertThat(episode.get("sessions")).hasSize(16);
        Awaitility.await("every projection and the chain at the head").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    JsonNode outcome = api.as("supervisor").get("/api/outcomes/episodes/" + episodeId).json();
                    assertThat(outcome.path("finishedCourse").asBoolean()).isTrue();
                    for (JsonNode status : api.as("admin").get("/api/admin/projections").json()) {
                        assertThat(status.get("caughtUp").asBoolean()).as(status.toString()).isTrue();
                    }
                    JsonNode verify = api.as("auditor").get("/api/audit/verify").json();
                    assertThat(verify.get("firstBrokenGlobalIndex").isNull()).isTrue();
                    assertThat(verify.get("verifiedEvents").asLong()).isGreaterThanOrEqualTo(events);
                });
    }
}
