package org.dit.containers;

import java.io.IOException;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.util.Set;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' PostgreSQL module on the image built on this machine ({@code infra/src/test/docker/build-base-image.sh}:
 * Debian bookworm with PostgreSQL 15 from Debian and PostgreSQL 17 from the binaries the embedded database uses), since
 * no registry can be reached here. The engine runs without a bridge network, so the container shares the host's
 * loopback: it listens on a free port of 127.0.0.1 instead of a mapped one.
 */
final class LocalPostgresContainer extends PostgreSQLContainer<LocalPostgresContainer> {

    static final String IMAGE = "dit-base:bookworm";

    private final int major;
    private final int port = freePort();

    LocalPostgresContainer(int major) {
        super(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
        this.major = major;
        withNetworkMode("host");
        // host networking maps no ports: the module's exposed 5432 would never show as bound
        setExposedPorts(new java.util.ArrayList<>());
        withDatabaseName("dit");
        withUsername("dit");
        withPassword("dit-container-pw");
        waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 1));
        // no Ryuk here: the container goes when the test JVM does, after Spring has closed its pool
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-" + IMAGE));
    }

    @Override
    protected void configure() {
        String bin = major == 15 ? "/usr/lib/postgresql/15/bin" : "/opt/postgresql-17/bin";
        // as the official image would: a cluster owned by the given user, password authentication, durable
        withCommand("sh", "-c", "set -e; D=/tmp/pgdata; echo \"$PGPASS\" > /tmp/pw; "
                + bin + "/initdb -D $D -U " + getUsername() + " --auth=scram-sha-256 --pwfile=/tmp/pw >/dev/null; "
                + "echo 'CREATE DATABASE " + getDatabaseName() + ";' | " + bin + "/postgres --single -D $D postgres >/dev/null; "
                + "exec " + bin + "/postgres -D $D -p " + port + " -k /tmp -c listen_addresses=127.0.0.1");
        withEnv("PGPASS", getPassword());
    }

    @Override
    public String getJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + getDatabaseName();
    }

    @Override
    public Set<Integer> getLivenessCheckPortNumbers() {
        return Set.of();
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
