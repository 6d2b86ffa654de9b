package org.dit.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.dit.query.admin.ProjectionAdmin;
import org.springframework.stereotype.Component;

/** dit_dead_letters{processor}: events parked per projection, the number to alert on (anything above 0 needs a look). */
@Component
class DeadLetterMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;

    DeadLetterMetrics(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : ProjectionAdmin.PROJECTIONS) {
            Gauge.builder("dit.dead.letters", processing,
                            p -> p.deadLetterQueue(name).map(queue -> (double) queue.size()).orElse(Double.NaN))
                    .description("Events the projection has parked in its dead-letter queue (with those waiting behind them)")
                    .tag("processor", name)
                    .register(registry);
        }
    }
}
