package org.dit.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without an OTLP endpoint (as the suite's service runs) tracing is off: nothing is exported, a caller's sampled
 * {@code traceparent} does not turn it on, Axon's spans are no-ops and the events carry no trace context.
 * TracesTest covers tracing on.
 */
@ApiTest
class TracingOffApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenNoOtlpEndpoint_whenACommandArrivesWithASampledTraceparent_thenNothingIsTracedAndTheEventCarriesNoTraceContext()
            throws Exception {
        assertThat(context.getEnvironment().getProperty("management.tracing.enabled")).isEqualTo("false");
        assertThat(context.getBeansOfType(SpanExporter.class)).as("no exporter").isEmpty();
        assertThat(context.getBean(SpanFactory.class)).isSameAs(NoOpSpanFactory.INSTANCE);
        assertThat(context.getBean(Sampler.class)).isEqualTo(Sampler.alwaysOff());

        Api.Response referral = new Api(port).post("/api/episodes", Clinic.referral(new Api(port)),
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);

        String metadata = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                referral.json().get("episodeId").asText());
        Map<String, Object> entries = new ObjectMapper().readValue(metadata,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(entries.keySet()).as(metadata).containsExactlyInAnyOrder("actor", "correlationId", "commandName");
    }
}
