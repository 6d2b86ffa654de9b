package org.dit.eventstore;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Traces are on exactly when there is somewhere to send them (docs/operations.md "Traces"): an OTLP endpoint in
 * {@code management.otlp.tracing.endpoint} (MANAGEMENT_OTLP_TRACING_ENDPOINT), or in OpenTelemetry's own variables
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL) or OTEL_EXPORTER_OTLP_ENDPOINT (the collector's base URL, to which
 * {@code /v1/traces} is added, as OpenTelemetry's specification says for OTLP over HTTP). Then
 * {@code management.tracing.enabled} (Spring Boot's switch for exporting traces and for trace ids in log lines) defaults
 * to true, otherwise to false; set explicitly, it wins. Everything else that traces (Axon's spans, the sampler) follows
 * that one property: {@link TracingConfig}.
 */
public class TracingSwitch implements EnvironmentPostProcessor {

    static final String ENABLED = "management.tracing.enabled";
    static final String ENDPOINT = "management.otlp.tracing.endpoint";
    static final String OTEL_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String OTEL_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String endpoint = environment.getProperty(ENDPOINT);
        if (!StringUtils.hasText(endpoint)) {
            endpoint = openTelemetryEndpoint(environment);
            if (endpoint != null) {
                defaults.put(ENDPOINT, endpoint);
            }
        }
        if (!environment.containsProperty(ENABLED)) {
            defaults.put(ENABLED, StringUtils.hasText(endpoint));
        }
        // last: every property source the operator controls (arguments, environment, application.yml) comes first
        environment.getPropertySources().addLast(new MapPropertySource("ditTracingSwitch", defaults));
    }

    /** Whether traces are recorded and exported: Spring Boot's own switch, as this class has defaulted it. */
    static boolean enabled(Environment environment) {
        return environment.getProperty(ENABLED, Boolean.class, false);
    }

    private static String openTelemetryEndpoint(Environment environment) {
        String traces = environment.getProperty(OTEL_TRACES_ENDPOINT);
        if (StringUtils.hasText(traces)) {
            return traces.strip();
        }
        String base = environment.getProperty(OTEL_ENDPOINT);
        if (StringUtils.hasText(base)) {
            base = base.strip();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
        }
        return null;
    }
}
