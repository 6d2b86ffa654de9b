package org.dit.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.dit.DitApplication;
import org.dit.support.EmbeddedDatabaseAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database is closed to every other local user: only someone holding a password from the 0600 credentials
 * file gets in, and the service itself runs as a role that can change rows and nothing else: no table, trigger,
 * privilege or server setting, no way round the append-only triggers, no shell through {@code COPY … PROGRAM}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseSecurityTest {

    private static final List<String> ROLES = List.of("postgres", "dit_owner", "dit_app");

    @TempDir
    static Path dataDir;

    ConfigurableApplicationContext service;
    String url;
    Properties passwords;

    @BeforeAll
    void start() {
        service = new SpringApplication(DitApplication.class).run("--server.port=0", "--spring.datasource.url=",
                "--dit.embedded-db.data-dir=" + dataDir, "--logging.level.root=WARN");
        url = EmbeddedDatabaseAccess.jdbcUrl(service);
        passwords = EmbeddedDatabaseAccess.passwords(dataDir);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    private Connection asRuntimeRole() throws SQLException {
        return connect("dit_app", passwords.getProperty("dit_app"));
    }

    @Test
    void theSecretsAreKeptInAFileOnlyTheServiceUserCanRead() throws Exception {
        Path credentials = dataDir.resolve(EmbeddedDatabaseAccess.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        for (String role : ROLES) {
            assertThat(passwords.getProperty(role)).as(role).hasSizeGreaterThanOrEqualTo(40);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("pg")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("binaries"))))
                .as("the unpacked PostgreSQL, out of reach of other users").isEqualTo("rwx------");
        assertThat(Files.readString(dataDir.resolve("pg").resolve("pg_hba.conf")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")))
                .containsExactly("host    all       all   127.0.0.1/32  scram-sha-256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "dit_owner", "dit_app"})
    void givenNoPasswordOrAWrongOne_whenAnyoneConnects_thenTheDatabaseRefuses(String role) throws SQLException {
        assertThatThrownBy(() -> connect(role, null).close()).isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> connect(role, "").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(role, passwords.getProperty(role) + "x").close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection connection = connect(role, passwords.getProperty(role))) {
            assertThat(connection.isValid(5)).as("with the secret from the file").isTrue();
        }
    }

    @Test
    void theServerListensOn127001OnlyWithoutAUnixSocketAndStaysDurable() {
        JdbcTemplate superuser = EmbeddedDatabaseAccess.jdbc(service, dataDir, "postgres");
        assertThat(superuser.queryForObject("SHOW listen_addresses", String.class)).isEqualTo("127.0.0.1");
        assertThat(superuser.queryForObject("SHOW unix_socket_directories", String.class)).isEmpty();
        assertThat(superuser.queryForObject("SHOW password_encryption", String.class)).isEqualTo("scram-sha-256");
        assertThat(superuser.queryForObject("SELECT count(*) FROM pg_authid WHERE rolcanlogin AND rolpassword IS NULL", Long.class))
                .as("every login role has a password").isZero();
        assertThat(superuser.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(superuser.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void theServiceRunsAsARoleThatIsNeitherSuperuserNorOwnerAndTheMigrationsRanAsTheOwner() {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("dit_app");
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = 'dit_app'",
                Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = 'dit_owner'",
                Boolean.class)).isFalse();
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'v', 'S', 'i')""", String.class))
                .containsExactly("dit_owner");
        assertThat(EmbeddedDatabaseAccess.jdbc(service, dataDir, "dit_owner")
                .queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class)).containsExactly("dit_owner");
        assertThatThrownBy(() -> jdbc.queryForList("SELECT * FROM flyway_schema_history"))
                .as("Flyway's history is the owner's alone").hasStackTraceContaining("permission denied");
    }

    @Test
    void givenTheRuntimeRole_whenItTriesToGetRoundTheAppendOnlyTriggersOrChangeAnyTable_thenEveryAttemptIsRefused()
            throws SQLException {
        JdbcTemplate owner = EmbeddedDatabaseAccess.jdbc(service, dataDir, "dit_owner");
        List<String> tables = owner.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", String.class);
        assertThat(tables).contains("domain_event_entry", "audit_access_log", "audit_hash_chain", "token_entry", "episode_view");
        List<String> attempts = new ArrayList<>(List.of(
                "SET session_replication_role = replica",
                "SET SESSION AUTHORIZATION postgres",
                "SET ROLE dit_owner",
                "COPY (SELECT 1) TO PROGRAM 'id'",
                "COPY domain_event_entry TO PROGRAM 'cat > /dev/null'",
                "COPY domain_event_entry FROM PROGRAM 'true'",
                "COPY domain_event_entry TO '/tmp/dit-events'",
                "SELECT pg_read_file('postgresql.conf')",
                "ALTER SYSTEM SET fsync = off",
                "CREATE TABLE sneaky (id int)",
                "CREATE FUNCTION sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "CREATE ROLE sneaky SUPERUSER",
                "ALTER ROLE dit_app SUPERUSER",
                "ALTER SCHEMA public OWNER TO dit_app",
                "ALTER FUNCTION refuse_history_rewrite() OWNER TO dit_app",
                "UPDATE domain_event_entry SET payload_revision = '2'",
                "DELETE FROM domain_event_entry",
                "DELETE FROM audit_hash_chain",
                "UPDATE audit_access_log SET actor = 'someone else'",
                "DELETE FROM flyway_schema_history"));
        for (String table : tables) {
            attempts.add("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            attempts.add("ALTER TABLE " + table + " ADD COLUMN sneaky INTEGER");
            attempts.add("ALTER TABLE " + table + " OWNER TO dit_app");
            attempts.add("TRUNCATE " + table);
            attempts.add("DROP TABLE " + table);
        }
        for (var trigger : owner.queryForList("""
                SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace""")) {
            attempts.add("ALTER TABLE " + trigger.get("relname") + " DISABLE TRIGGER " + trigger.get("tgname"));
            attempts.add("DROP TRIGGER " + trigger.get("tgname") + " ON " + trigger.get("relname"));
        }
        assertThat(attempts).anyMatch(attempt -> attempt.equals("DROP TRIGGER domain_event_entry_append_only ON domain_event_entry"));

        try (Connection connection = asRuntimeRole(); Statement statement = connection.createStatement()) {
            for (String attempt : attempts) {
                assertThatThrownBy(() -> statement.execute(attempt)).as(attempt)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).as(attempt + ": " + e.getMessage()).isEqualTo("42501");
                            assertThat(e.getMessage()).as("refused for want of the right, not by a trigger").doesNotContain("append-only");
                        });
            }
            assertThat(statement.execute("SELECT count(*) FROM domain_event_entry")).as("rows it may read").isTrue();
        }
        assertThat(owner.queryForObject("SELECT count(*) FROM pg_trigger WHERE tgname = 'domain_event_entry_append_only' "
                + "AND tgenabled = 'O'", Long.class)).isOne();
    }
}
