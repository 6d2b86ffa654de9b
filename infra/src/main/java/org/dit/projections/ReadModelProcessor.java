package org.dit.projections;

import java.util.Set;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.dit.query.admin.ProjectionAdmin;
import org.dit.query.admin.Projections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One processor, {@value #NAME}, for every read model. Each projection stays a processing group of its own, with its
 * handlers, its reset handler and its dead-letter queue (a poison event parks only in the read model that cannot apply
 * it), but the groups share the processor: each event is read from the log and deserialised once, and each batch
 * is one unit of work, one transaction and one token update for all read models, where seven processors read, woke,
 * claimed and committed seven times. Its settings are under {@code axon.eventhandling.processors.read-models}; the
 * entries under each read model's own name hold only its dead-letter queue.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessor {

    static final String NAME = "read-models";

    @Bean
    ConfigurerModule readModelsShareOneProcessor(Projections projections) {
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(group -> projections.contains(group) ? NAME : group);
    }

    /** Handlers see a replayed event only when the replay rebuilds their read model ({@link ProjectionAdmin#scopeOf}). */
    @Bean
    HandlerEnhancerDefinition replayScope(Projections projections) {
        return new ReplayScope(Set.copyOf(projections.names()));
    }

    private static final class ReplayScope implements HandlerEnhancerDefinition {

        private final Set<String> readModels;

        private ReplayScope(Set<String> readModels) {
            this.readModels = readModels;
        }

        @Override
        public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
            ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
            if (group == null || !readModels.contains(group.value())) {
                return original;
            }
            String readModel = group.value();
            return new WrappedMessageHandlingMember<>(original) {
                @Override
                public Object handle(Message<?> message, T target) throws Exception {
                    if (message instanceof ResetContext<?> reset && !ProjectionAdmin.scopeOf(reset.getPayload())
                            .map(scope -> scope.contains(readModel)).orElse(true)) {
                        return null;
                    }
                    if (message instanceof EventMessage<?> event && !ProjectionAdmin.replays(event, readModel)) {
                        return null;
                    }
                    return super.handle(message, target);
                }
            };
        }
    }
}
