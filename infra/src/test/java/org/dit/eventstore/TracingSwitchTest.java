package org.dit.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Tracing is on exactly when an OTLP endpoint is configured, in Spring's property or OpenTelemetry's variables. */
class TracingSwitchTest {

    private static MockEnvironment switched(MockEnvironment environment) {
        new TracingSwitch().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void givenNoEndpoint_thenTracingIsOff() {
        MockEnvironment environment = switched(new MockEnvironment());
        assertThat(TracingSwitch.enabled(environment)).isFalse();
        assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isNull();
    }

    @Test
    void givenABlankEndpoint_thenTracingIsOff() {
        assertThat(TracingSwitch.enabled(switched(new MockEnvironment().withProperty(TracingSwitch.ENDPOINT, " ")))).isFalse();
    }

    @Test
    void givenSpringsEndpoint_thenTracingIsOnAndExportsThere() {
        MockEnvironment environment = switched(new MockEnvironment()
                .withProperty(TracingSwitch.ENDPOINT, "http://collector:4318/v1/traces"));
        assertThat(TracingSwitch.enabled(environment)).isTrue();
        assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void givenOpenTelemetrysBaseEndpoint_thenTracesGoToItsTracesPath() {
        MockEnvironment environment = switched(new MockEnvironment()
                .withProperty(TracingSwitch.OTEL_ENDPOINT, "http://collector:4318/"));
        assertThat(TracingSwitch.enabled(environment)).isTrue();
        assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void givenOpenTelemetrysTracesEndpoint_thenItWinsOverTheBase() {
        MockEnvironment environment = switched(new MockEnvironment()
                .withProperty(TracingSwitch.OTEL_ENDPOINT, "http://collector:4318")
                .withProperty(TracingSwitch.OTEL_TRACES_ENDPOINT, "https://traces.example:443/otlp/v1/traces"));
        assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("https://traces.example:443/otlp/v1/traces");
    }

    @Test
    void givenSpringsEndpoint_thenOpenTelemetrysVariablesAreIgnored() {
        MockEnvironment environment = switched(new MockEnvironment()
                .withProperty(TracingSwitch.ENDPOINT, "http://spring:4318/v1/traces")
                .withProperty(TracingSwitch.OTEL_ENDPOINT, "http://collector:4318"));
        assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("http://spring:4318/v1/traces");
    }

    @Test
    void givenTracingSwitchedExplicitly_thenThatWins() {
        assertThat(TracingSwitch.enabled(switched(new MockEnvironment()
                .withProperty(TracingSwitch.ENDPOINT, "http://collector:4318/v1/traces")
                .withProperty(TracingSwitch.ENABLED, "false")))).isFalse();
        assertThat(TracingSwitch.enabled(switched(new MockEnvironment().withProperty(TracingSwitch.ENABLED, "true")))).isTrue();
    }
}
