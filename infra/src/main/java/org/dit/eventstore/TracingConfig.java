package org.dit.eventstore;

import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanAttributesProvider;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * One trace per request, from the HTTP server span through the command, its events' append to the store, to each
 * projection that applies them (docs/operations.md "Traces").
 * <p>
 * Spring Boot records the HTTP spans (Micrometer Tracing over OpenTelemetry) and exports them by OTLP. Axon records its
 * own (command dispatch and handling, event publication and commit, each processor's handling of each event) through
 * the same OpenTelemetry SDK, with its tracer and its W3C propagator: Axon's default would be
 * {@code GlobalOpenTelemetry}, which Spring Boot never sets. An event carries its trace context in its metadata
 * ({@code traceparent}), which is how a projection, reading the event from the store on another thread, continues the
 * command's trace.
 * <p>
 * With tracing off ({@link TracingSwitch}) nothing is recorded: Axon's spans are no-ops (events carry no trace
 * context), and the sampler drops every HTTP span.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfig {

    static final String INSTRUMENTATION_SCOPE = "AxonFramework-OpenTelemetry";
    static final String CORRELATION_ID_ATTRIBUTE = "dit.correlation_id";

    /** Replaces Axon's own (a no-op, or with axon-tracing-opentelemetry one on GlobalOpenTelemetry). */
    @Bean
    SpanFactory spanFactory(Environment environment, ObjectProvider<OpenTelemetry> openTelemetry) {
        if (!TracingSwitch.enabled(environment)) {
            return NoOpSpanFactory.INSTANCE;
        }
        OpenTelemetry sdk = openTelemetry.getObject();
        return OpenTelemetrySpanFactory.builder()
                .tracer(sdk.getTracer(INSTRUMENTATION_SCOPE))
                .contextPropagators(sdk.getPropagators().getTextMapPropagator())
                .build();
    }

    /**
     * Axon's spans of a message carry its correlation id (as in the logs and the events' metadata), but not the rest of
     * its metadata: Axon's provider for that is off (application.yml), since it would copy the acting user's name.
     */
    @Bean
    SpanAttributesProvider correlationIdSpanAttribute() {
        return message -> {
            Object correlationId = message.getMetaData().get(MessageContextConfig.CORRELATION_ID);
            return correlationId == null ? Map.of() : Map.of(CORRELATION_ID_ATTRIBUTE, correlationId.toString());
        };
    }

    /** Replaces Spring Boot's sampler (which keeps 10% of traces by default) while tracing is off. */
    @Bean
    @Conditional(TracingOff.class)
    Sampler tracingOffSampler() {
        return Sampler.alwaysOff();
    }

    static final class TracingOff implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !TracingSwitch.enabled(context.getEnvironment());
        }
    }
}
