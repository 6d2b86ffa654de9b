package org.dit.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own PostgreSQL, closed to everyone but the service: it listens on 127.0.0.1 only, has no Unix socket,
 * and every role needs its password (SCRAM), the superuser included. The passwords are random, made on the first start
 * and kept in {@link DatabaseCredentials#FILE_NAME} (0600) beside the data. Three roles (docs/database-roles.md):
 * {@code postgres} (superuser, used only here at start-up), {@code dit_owner} (owns the schema and the tables, runs
 * the migrations) and {@code dit_app} (the running service: rows only). A store made before the roles existed (every
 * table owned by {@code postgres}, trust authentication) is closed and handed over on its first start with this code.
 *
 * <p>Layout of {@code $DIT_DATA_DIR}: {@code pg/} (PostgreSQL's data directory), {@code binaries/} (0700, the unpacked
 * PostgreSQL), {@code database-credentials.properties} (0600), {@code service.pid} (the owning JVM).
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "postgres";
    static final String ROLES_SCRIPT = "/dba/database-roles.sql";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /**
     * Written over pg_hba.conf at every start: password (SCRAM) for every role over TCP on 127.0.0.1, nothing else.
     */
    static final String HBA = """
            # Written by the DIT service at every start (org.dit.database.EmbeddedDatabase); edits are overwritten.
            # TCP on 127.0.0.1 only, every role with its password (SCRAM); no Unix socket, no replication.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final DatabaseCredentials credentials;
    private final DataDirectoryOwner owner;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseCredentials credentials, DataDirectoryOwner owner) {
        this.postgres = postgres;
        this.credentials = credentials;
        this.owner = owner;
    }

    static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) {
        Path root = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Path pgData = root.resolve("pg");
        try {
            createPrivateDirectory(root, false);
            DataDirectoryOwner owner = new DataDirectoryOwner(root, pgData);
            owner.claim();
            DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(root.resolve(DatabaseCredentials.FILE_NAME));
            Path binaries = root.resolve("binaries");
            createPrivateDirectory(binaries, true);
            // the library makes its working directory writable for everyone; inside binaries (0700) no one else reaches it
            PostgresBinaries resolver = new PostgresBinaries(binaries.resolve("postgres"));
            Files.createDirectories(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(resolver.workingDirectory().toFile())
                    .setPgBinaryResolver(resolver)
                    .setDataDirectoryCustomizer(directory -> closeToOthers(directory.toPath(), resolver, credentials))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // stopped by the application context, after the processors (close()), not by a JVM shutdown hook
                    // of its own, which would stop it under them while they commit (errors on every SIGTERM)
                    .setRegisterShutdownHook(false)
                    // the library checks the server is up by logging in as the superuser
                    .setConnectConfig("password", credentials.password(DatabaseCredentials.SUPERUSER))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("fsync", properties.durable() ? "on" : "off")
                    .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
                    .setServerConfig("full_page_writes", properties.durable() ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("idle_in_transaction_session_timeout", "30s");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, credentials, owner);
            try {
                database.bootstrapRoles();
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            log.info("Embedded PostgreSQL on port {} with data in {} (durable: {}; roles and passwords in {})", postgres.getPort(),
                    pgData, properties.durable(), root.resolve(DatabaseCredentials.FILE_NAME));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    /**
     * Before the server starts (after initdb on a new store): password authentication only, and the superuser's password
     * set (as a SCRAM verifier: the password itself never reaches PostgreSQL) in single-user mode, which needs none.
     */
    private static void closeToOthers(Path pgData, PostgresBinaries binaries, DatabaseCredentials credentials) {
        try {
            Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pgData.resolve("pg_hba.conf"), e);
        }
        String verifier = PasswordUtil.encodeScramSha256(credentials.password(DatabaseCredentials.SUPERUSER).toCharArray());
        binaries.singleUser(pgData, List.of("ALTER ROLE " + DatabaseCredentials.SUPERUSER + " PASSWORD '" + verifier + "'"));
    }

    /**
     * As the superuser, at every start: the roles, the schema's owner and the handing over of an older store
     * ({@link #ROLES_SCRIPT}, the same script a DBA runs on an external PostgreSQL), then the roles' passwords from the
     * credentials file.
     */
    private void bootstrapRoles() {
        try (Connection connection = connect(DatabaseCredentials.SUPERUSER); Statement statement = connection.createStatement()) {
            statement.execute(rolesScript());
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (String role : List.of(DatabaseCredentials.OWNER, DatabaseCredentials.APP)) {
                pg.alterUserPassword(role, credentials.password(role).toCharArray(), "scram-sha-256");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the roles of the embedded PostgreSQL", e);
        }
    }

    static String rolesScript() {
        try (InputStream in = EmbeddedDatabase.class.getResourceAsStream(ROLES_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + ROLES_SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Connection connect(String role) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", credentials.password(role));
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Without user or password: those come from the credentials, never from the URL. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    String password(String role) {
        return credentials.password(role);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL", e);
        }
        owner.release();
    }

    /** A directory only the service's OS user can enter; an existing one is left as it is unless {@code tighten}. */
    private static void createPrivateDirectory(Path directory, boolean tighten) throws IOException {
        boolean posix = DatabaseCredentials.posix();
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(DatabaseCredentials.OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        if (posix && tighten) {
            Files.setPosixFilePermissions(directory, DatabaseCredentials.OWNER_ONLY_DIRECTORY);
        }
    }
}
