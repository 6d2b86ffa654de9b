package org.dit.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} (or a connection from Testcontainers' {@code @ServiceConnection}) the service runs its own PostgreSQL from Maven-shipped binaries, in a
 * persistent data directory, closed to everyone else ({@link EmbeddedDatabase}). The service connects as
 * {@code dit_app}, which may read and write rows and nothing more; the migrations run as {@code dit_owner}, the owner
 * of the tables. The library turns fsync and synchronous_commit off for speed; a clinical record must survive a power
 * cut, so they are switched back on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
        return EmbeddedDatabase.start(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(database.jdbcUrl())
                .username(DatabaseCredentials.APP)
                .password(database.password(DatabaseCredentials.APP))
                .build();
        dataSource.setPoolName("dit-embedded");
        return dataSource;
    }

    /** Flyway (Spring Boot's auto-configuration) migrates as the owner of the tables, on a connection of its own. */
    @Bean
    FlywayConnectionDetails flywayConnectionDetails(EmbeddedDatabase database) {
        return new FlywayConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return DatabaseCredentials.OWNER;
            }

            @Override
            public String getPassword() {
                return database.password(DatabaseCredentials.OWNER);
            }
        };
    }
}
