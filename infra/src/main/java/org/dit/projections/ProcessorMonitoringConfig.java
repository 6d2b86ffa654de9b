package org.dit.projections;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.dit.query.admin.Projections;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's default processor metrics include a capacity monitor that keeps every event's duration for ten minutes: a
 * replay of a million events would hold millions of entries and exhaust a 512 MB heap. The processors here get
 * Axon's counters and latency gauge instead, whose memory does not grow with the number of events. No per-event
 * timer either: building a tagged timer for every event cost 10–17% of a replay (issue 16's profile); how long a
 * projection takes shows in its lag gauges (ProjectionMetrics) and in the traces.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMonitoringConfig {

    static final String PREFIX = "eventProcessor";

    @Bean
    ConfigurerModule boundedProcessorMonitors(MeterRegistry registry, ListableBeanFactory beans, Projections projections) {
        return configurer -> {
            // every processor: the read models' and the audit chain's
            Set<String> processors = new TreeSet<>();
            for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                ProcessingGroup group = beans.findAnnotationOnBean(bean, ProcessingGroup.class, false);
                if (group != null) {
                    processors.add(projections.contains(group.value()) ? ReadModelProcessor.NAME : group.value());
                }
            }
            for (String processor : processors) {
                configurer.eventProcessing().registerMessageMonitorFactory(processor, (config, type, name) -> monitor(registry, name));
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> monitor(MeterRegistry registry, String processor) {
        Function<Message<?>, Iterable<Tag>> tags = message -> Tags.of("processorName", processor);
        List<MessageMonitor<? super Message<?>>> monitors = List.of(
                (MessageMonitor) MessageCountingMonitor.buildMonitor(PREFIX, registry, tags),
                (MessageMonitor) EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry)
                        .tagsBuilder(tags).build());
        return new MultiMessageMonitor<>(monitors);
    }
}
