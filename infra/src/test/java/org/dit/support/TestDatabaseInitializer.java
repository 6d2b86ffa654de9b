package org.dit.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the service at the suite's PostgreSQL as an external database, and trusts the suite's token signer. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=")
                .and(TestTokens.serviceProperties())
                .applyTo(context.getEnvironment());
    }
}
