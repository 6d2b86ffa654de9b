package org.dit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.TestDatabase;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** On demand the console speaks JSON, and a line written while a request is served carries its correlation id. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenStructuredLogsOn_whenASignInFails_thenItsLogLineIsJsonWithTheRequestsCorrelationId(CapturedOutput output) {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0",
                "--logging.structured.format.console=ecs",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=" + TestDatabase.APP,
                "--spring.datasource.password=", "--spring.flyway.user=" + TestDatabase.OWNER, "--spring.flyway.password="));
        args.addAll(List.of(TestTokens.serviceArguments()));
        try (ConfigurableApplicationContext context = SpringApplication.run(DitApplication.class, args.toArray(String[]::new))) {
            int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
            Api stranger = new Api(port).withPassword("admin", "certainly-not-the-password");

            Api.Response refused = stranger.post("/api/episodes", java.util.Map.of(), "X-Correlation-Id", "log-line-test-4711");
            assertThat(refused.status()).isEqualTo(401);
        }

        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{")).map(StructuredLogsTest::read).toList();
        assertThat(lines).as("the console speaks JSON").isNotEmpty();
        assertThat(lines).anySatisfy(line -> assertThat(line.toString()).contains("log-line-test-4711"));
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
