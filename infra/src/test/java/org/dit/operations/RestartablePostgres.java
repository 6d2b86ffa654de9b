package org.dit.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL (the embedded binaries the service ships with) that a test can stop and start again on the same port
 * and data directory, like an operator restarting the database under a running service.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private EmbeddedPostgres postgres;
    private int port;

    RestartablePostgres() {
        try {
            dataDir = Files.createTempDirectory("dit-outage-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pg_ctl stop -m fast: open connections are closed, new ones refused. */
    synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    @Override
    public void close() {
        stop();
        try {
            FileSystemUtils.deleteRecursively(dataDir);
        } catch (IOException ignored) {
            // a temporary directory; the machine cleans it up eventually
        }
    }
}
