package org.dit.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL that several service processes share. It is the same library the service embeds, started here by
 * the test on its own data directory and port, so to every node it is an external database reached by JDBC URL. It
 * outlives the nodes: a node killed with SIGKILL takes nothing of the database with it.
 */
public final class ExternalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private ExternalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A fresh database in {@code dataDir} (emptied first). */
    public static ExternalPostgres start(Path dataDir) {
        try {
            return new ExternalPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    // two nodes with a pool of 20 each, the test's own connections, and room for a restarted node
                    .setServerConfig("max_connections", "120")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    /** Direct access for the checks that must look under the API: the log, the command-side tables, the tokens. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
