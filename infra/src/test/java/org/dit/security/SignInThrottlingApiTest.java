package org.dit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Guessing passwords over HTTP Basic (issue 11 §6), on a service of its own with small limits (3 failures per user, 5
 * per address) and a database of its own, since the suite's shared service lets its one client address fail freely.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottlingApiTest {

    private static final String DATABASE = "dit_sign_in_throttling";

    ConfigurableApplicationContext service;
    Api api;

    @BeforeAll
    void start() throws Exception {
        try (Connection connection = TestDatabase.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        service = new SpringApplication(DitApplication.class).run("--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + TestDatabase.postgres().getJdbcUrl("postgres", DATABASE),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--logging.level.root=WARN",
                "--dit.security.sign-in.failures-per-user=3", "--dit.security.sign-in.failures-per-address=5");
        api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static void assertThrottled(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/too-many-sign-in-failures");
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.header("WWW-Authenticate")).isNull();
    }

    @Test
    void givenRepeatedWrongPasswords_thenTheUserIsThrottledAndThenEveryoneFromTheAddressOnceItHasUsedItsLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.withPassword("reporting", "guess-" + i).get("/api/caseloads").status()).isEqualTo(401);
        }

        assertThrottled(api.as("reporting").get("/api/caseloads"));

        // the address has failed three times of five: another user may still fail twice on their own account
        assertThat(api.as("auditor").get("/api/audit/verify").status()).as("a success is not counted").isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(api.withPassword("auditor", "guess-" + i).get("/api/audit/verify").status()).isEqualTo(401);
        }
        assertThrottled(api.as("auditor").get("/api/audit/verify"));
        assertThrottled(api.get("/api/caseloads"));
    }
}
