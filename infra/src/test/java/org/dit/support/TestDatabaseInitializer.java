package org.dit.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the service at the suite's PostgreSQL as an external database with two roles (docs/database-roles.md): it
 * runs as dit_app, its migrations as dit_owner. Trusts the suite's token signer.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "spring.datasource.username=" + TestDatabase.APP,
                "spring.datasource.password=",
                "spring.flyway.user=" + TestDatabase.OWNER,
                "spring.flyway.password=")
                .and(TestTokens.serviceProperties())
                .applyTo(context.getEnvironment());
    }
}
