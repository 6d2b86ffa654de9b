package org.dit.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What an operator on the service's machine, as its OS user, can do with a running embedded database: read the
 * passwords in {@code $DIT_DATA_DIR/database-credentials.properties} and log in as one of its roles.
 */
public final class EmbeddedDatabaseAccess {

    public static final String CREDENTIALS_FILE = "database-credentials.properties";

    private EmbeddedDatabaseAccess() {
    }

    public static Properties passwords(Path dataDir) {
        try (Reader in = Files.newBufferedReader(dataDir.resolve(CREDENTIALS_FILE), StandardCharsets.UTF_8)) {
            Properties passwords = new Properties();
            passwords.load(in);
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded database's URL, as the service's pool has it (no user, no password). */
    public static String jdbcUrl(ApplicationContext service) {
        return ((HikariDataSource) service.getBean(DataSource.class)).getJdbcUrl();
    }

    /** A fresh connection per use, as {@code role} with its password from the credentials file. */
    public static DataSource as(ApplicationContext service, Path dataDir, String role) {
        return new DriverManagerDataSource(jdbcUrl(service), role, passwords(dataDir).getProperty(role));
    }

    public static JdbcTemplate jdbc(ApplicationContext service, Path dataDir, String role) {
        return new JdbcTemplate(as(service, dataDir, role));
    }
}
