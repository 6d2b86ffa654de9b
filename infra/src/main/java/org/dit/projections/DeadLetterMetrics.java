package org.dit.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.dit.query.admin.DeadLetterAdmin;
import org.dit.query.admin.Projections;
import org.springframework.stereotype.Component;

/** dit_dead_letters{processor}: events parked per projection, the number to alert on (anything above 0 needs a look). */
@Component
class DeadLetterMetrics implements MeterBinder {

    private final DeadLetterAdmin deadLetters;
    private final Projections projections;

    DeadLetterMetrics(DeadLetterAdmin deadLetters, Projections projections) {
        this.deadLetters = deadLetters;
        this.projections = projections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : projections.names()) {
            Gauge.builder("dit.dead.letters", deadLetters, admin -> admin.count(name))
                    .description("Events the projection has parked in its dead-letter queue (with those waiting behind them)")
                    .tag("processor", name)
                    .register(registry);
        }
    }
}
