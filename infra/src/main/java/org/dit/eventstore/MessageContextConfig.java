package org.dit.eventstore;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** What every event carries besides its payload, and the clinic's clock. */
@Configuration(proxyBeanMethods = false)
class MessageContextConfig {

    static final String ACTOR = "actor";
    static final String CORRELATION_ID = "correlationId";
    static final String COMMAND_NAME = "commandName";

    /**
     * Replaces Axon's MessageOriginProvider: events record who, which request, and which command. Only a command's
     * unit of work gives anything: no event handler here sends a message, and reading each processed event's metadata
     * (Axon asks for the correlation data whenever it builds a message, even a handler's discarded result) cost a
     * sixth of the read models' CPU (issue 16's profile).
     */
    @Bean
    CorrelationDataProvider auditTrailCorrelationDataProvider() {
        return message -> {
            if (message instanceof EventMessage<?>) {
                return Map.of();
            }
            Map<String, Object> data = new HashMap<>();
            copy(message.getMetaData(), ACTOR, data);
            copy(message.getMetaData(), CORRELATION_ID, data);
            if (message instanceof CommandMessage<?> command) {
                data.put(COMMAND_NAME, command.getPayloadType().getSimpleName());
            } else {
                copy(message.getMetaData(), COMMAND_NAME, data);
            }
            return data;
        };
    }

    private static void copy(Map<String, ?> from, String key, Map<String, Object> to) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }

    /** Dates (referral, session day, due dates) are clinic dates in DIT_ZONE, whatever the JVM's zone. */
    @Bean
    Clock clinicClock(Environment environment) {
        // bound rather than injected, so that a wrong zone stops the start naming dit.zone
        return Clock.system(Binder.get(environment).bind("dit.zone", ZoneId.class)
                .orElseThrow(() -> new IllegalStateException("dit.zone (DIT_ZONE) is not set")));
    }
}
