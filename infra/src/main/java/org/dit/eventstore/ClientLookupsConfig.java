package org.dit.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.dit.command.client.ClientLookups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client lookups of the command side (one client per NHS number, one open episode per client) are written from
 * events by a subscribing processor: it handles a command's events in the unit of work that publishes them, once they
 * are appended and in the same transaction. Its errors propagate (Axon's default logs them and goes on), so a lookup
 * that cannot be written, a unique key lost to a concurrent command included, rolls the command back with its events.
 * Set in code, not in application.yml: another mode would let two registrations of one NHS number both commit.
 */
@Configuration(proxyBeanMethods = false)
class ClientLookupsConfig {

    @Bean
    ConfigurerModule clientLookupsWrittenInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ClientLookups.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ClientLookups.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }
}
