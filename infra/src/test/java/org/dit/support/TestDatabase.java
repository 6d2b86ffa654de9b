package org.dit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One real PostgreSQL for the whole test JVM, started on first use. Tests may run it without fsync:
 * nothing here claims durability numbers (the service itself always runs durable).
 *
 * <p>To the service under test it is an external PostgreSQL set up as docs/database-roles.md says: the DBA script
 * ({@code dba/database-roles.sql}) has made {@code dit_owner}, which runs the migrations, and {@code dit_app}, as which
 * the service runs. A test that must do what the service may not (install a fault trigger, get round the append-only
 * triggers, create a login) uses {@link #owner()} or {@link #superuser()}, never the service's own connections.
 */
public final class TestDatabase {

    public static final String OWNER = "dit_owner";
    public static final String APP = "dit_app";

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            }));
            runRolesScript(postgres.getPostgresDatabase());
        }
        return postgres;
    }

    /** The service's database, without a user: the service's user comes from spring.datasource.username. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres().getPort() + "/postgres";
    }

    /** The bootstrap superuser: may do anything, triggers and privileges notwithstanding. */
    public static JdbcTemplate superuser() {
        return new JdbcTemplate(postgres().getPostgresDatabase());
    }

    /** One transaction on one superuser connection (for SET LOCAL). */
    public static TransactionTemplate superuserTransaction(JdbcTemplate superuser) {
        return new TransactionTemplate(new DataSourceTransactionManager(superuser.getDataSource()));
    }

    /** The owner of the tables, as the migrations run: may add triggers and functions. */
    public static JdbcTemplate owner() {
        return new JdbcTemplate(postgres().getDatabase(OWNER, "postgres"));
    }

    private static void runRolesScript(DataSource superuser) {
        try (var in = TestDatabase.class.getResourceAsStream("/dba/database-roles.sql");
             Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("dba/database-roles.sql failed", e);
        }
    }
}
