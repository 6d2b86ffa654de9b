package org.dit.containers;

import java.io.IOException;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.util.Set;

import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Testcontainers' PostgreSQL module on the image built on this machine ({@code infra/src/test/docker/build-base-image.sh}:
 * Debian bookworm with PostgreSQL 15 from Debian and PostgreSQL 17 from the binaries the embedded database uses), since
 * no registry can be reached here. The engine runs without a bridge network, so the container shares the host's
 * loopback: it listens on a free port of 127.0.0.1 instead of a mapped one.
 */
final class LocalPostgresContainer extends PostgreSQLContainer<LocalPostgresContainer> {

    static final String IMAGE = "dit-base:bookworm";

    static final String OWNER = "dit_owner";
    static final String OWNER_PASSWORD = "owner-container-pw";
    static final String APP = "dit_app";
    static final String APP_PASSWORD = "app-container-pw";

    private final int major;
    private final int port = freePort();

    LocalPostgresContainer(int major) {
        super(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
        this.major = major;
        withNetworkMode("host");
        // host networking maps no ports: the module's exposed 5432 would never show as bound
        setExposedPorts(new java.util.ArrayList<>());
        withDatabaseName("dit");
        // the service connects as the runtime role; the migrations run as the owner (see OWNER)
        withUsername(APP);
        withPassword(APP_PASSWORD);
        withCopyFileToContainer(MountableFile.forClasspathResource("dba/database-roles.sql"), "/tmp/database-roles.sql");
        waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 1));
        // no Ryuk here: the container goes when the test JVM does, after Spring has closed its pool
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-" + IMAGE));
    }

    @Override
    protected void configure() {
        String bin = major == 15 ? "/usr/lib/postgresql/15/bin" : "/opt/postgresql-17/bin";
        String psql = "PGPASSWORD=\"$PGPASS\" /usr/lib/postgresql/15/bin/psql -q -v ON_ERROR_STOP=1 -h /tmp -p " + port
                + " -U postgres";
        String server = "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1";
        // as a DBA would set up an external PostgreSQL (docs/database-roles.md): the superuser runs the DBA script once;
        // the service's roles are neither superusers nor may they create roles
        withCommand("sh", "-c", "set -e; D=/tmp/pgdata; echo \"$PGPASS\" > /tmp/pw; "
                + bin + "/initdb -D $D -U postgres --auth=scram-sha-256 --pwfile=/tmp/pw >/dev/null; "
                + bin + "/pg_ctl -D $D -o '" + server + "' -w start >/dev/null; "
                + psql + " -d postgres -c 'CREATE DATABASE " + getDatabaseName() + "'; "
                + psql + " -d " + getDatabaseName() + " -f /tmp/database-roles.sql; "
                + psql + " -d " + getDatabaseName() + " -c \"ALTER ROLE " + OWNER + " PASSWORD '" + OWNER_PASSWORD
                + "'\" -c \"ALTER ROLE " + APP + " PASSWORD '" + APP_PASSWORD + "'\"; "
                + bin + "/pg_ctl -D $D -m fast -w stop >/dev/null; "
                + "exec " + bin + "/postgres -D $D " + server);
        withEnv("PGPASS", "superuser-container-pw");
    }

    @Override
    public String getJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + getDatabaseName();
    }

    @Override
    public Set<Integer> getLivenessCheckPortNumbers() {
        return Set.of();
    }

    /** How the migrations reach this database: as the owner of the tables, not as the service's runtime role. */
    FlywayConnectionDetails ownerConnection() {
        return new FlywayConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return LocalPostgresContainer.this.getJdbcUrl();
            }

            @Override
            public String getUsername() {
                return OWNER;
            }

            @Override
            public String getPassword() {
                return OWNER_PASSWORD;
            }
        };
    }

    int major() {
        return major;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
