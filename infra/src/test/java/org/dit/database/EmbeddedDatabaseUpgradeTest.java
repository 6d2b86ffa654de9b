package org.dit.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.dit.support.EmbeddedDatabaseAccess;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store made by an earlier version (trust authentication, the service and its migrations as the superuser, every
 * table owned by postgres) is closed and handed over to the two roles on its first start with this version, keeping
 * everything in it.
 */
class EmbeddedDatabaseUpgradeTest {

    /** clinic-lead's hash in application-test.yml: password lead-test-pw. */
    private static final String LEAD_HASH = "{bcrypt}$2a$04$EWqEZFCrDj/bcpMyCWV.uujNJUoBGvihJkBLFTBEujVurGMvrnfxu";

    @TempDir
    Path dataDir;

    private static final String OWNERS = """
            SELECT DISTINCT pg_get_userbyid(owner) FROM (
                SELECT c.relowner AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'v', 'S', 'i')
                UNION ALL SELECT p.proowner FROM pg_proc p WHERE p.pronamespace IN ('public'::regnamespace, 'reporting'::regnamespace)
                UNION ALL SELECT n.nspowner FROM pg_namespace n WHERE n.nspname IN ('public', 'reporting')) owners""";

    @Test
    void givenAStoreOfAnEarlierVersion_whenTheServiceStarts_thenItIsClosedHandedToTheOwnerAndKeepsItsData() throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(earlier.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(earlier.getPostgresDatabase());
            jdbc.update("INSERT INTO security_user (username, password_hash, roles) VALUES ('legacy-lead', ?, 'ADMIN,SUPERVISOR')",
                    LEAD_HASH);
            assertThat(jdbc.queryForList(OWNERS, String.class)).contains("postgres");
        }
        assertThat(dataDir.resolve(EmbeddedDatabaseAccess.CREDENTIALS_FILE)).doesNotExist();

        try (ConfigurableApplicationContext service = new SpringApplication(DitApplication.class).run("--server.port=0",
                "--spring.datasource.url=", "--dit.embedded-db.data-dir=" + dataDir, "--logging.level.root=WARN")) {
            String url = EmbeddedDatabaseAccess.jdbcUrl(service);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                    .as("no more trust").isInstanceOf(SQLException.class);
            JdbcTemplate owner = EmbeddedDatabaseAccess.jdbc(service, dataDir, "dit_owner");
            assertThat(owner.queryForList(OWNERS, String.class)).containsExactly("dit_owner");
            assertThat(service.getBean(JdbcTemplate.class).queryForObject("SELECT current_user", String.class)).isEqualTo("dit_app");
            assertThat(Files.readString(dataDir.resolve("pg").resolve("pg_hba.conf"))).doesNotContain("trust");

            Api lead = new Api(((WebServerApplicationContext) service).getWebServer().getPort()).withPassword("legacy-lead",
                    "lead-test-pw");
            assertThat(lead.get("/api/caseloads").status()).as("the stored user").isEqualTo(200);
            Api.Response referral = lead.post("/api/episodes", Clinic.referral(lead));
            assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        }
    }
}
