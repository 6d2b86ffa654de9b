package org.dit.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.dit.command.therapist.RosterUpdater;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's lookups (therapists' caseloads and diaries) are written from events by a subscribing processor:
 * it handles a command's events in the unit of work that publishes them, once they are appended and in the same
 * transaction, so the lookups commit with the events or not at all. Its handler errors propagate (Axon's default logs
 * them and goes on), so a lookup that cannot be written rolls the command back instead of committing its events
 * without it. Set in code, not in application.yml: another mode would make the capacity and double-booking checks
 * read stale lookups.
 */
@Configuration(proxyBeanMethods = false)
class RosterProcessorConfig {

    @Bean
    ConfigurerModule rosterWrittenInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(RosterUpdater.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(RosterUpdater.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
