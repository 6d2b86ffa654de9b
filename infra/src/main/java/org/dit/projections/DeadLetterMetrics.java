package org.dit.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.dit.query.admin.DeadLetterAdmin;
import org.dit.query.admin.ProjectionAdmin;
import org.springframework.stereotype.Component;

/** dit_dead_letters{processor}: events parked per projection, the number to alert on (anything above 0 needs a look). */
@Component
class DeadLetterMetrics implements MeterBinder {

    private final DeadLetterAdmin deadLetters;

    DeadLetterMetrics(DeadLetterAdmin deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : ProjectionAdmin.PROJECTIONS) {
            Gauge.builder("dit.dead.letters", deadLetters, admin -> admin.count(name))
                    .description("Events the projection has parked in its dead-letter queue (with those waiting behind them)")
                    .tag("processor", name)
                    .register(registry);
        }
    }
}
