package org.dit.projections;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.dit.query.admin.ProjectionAdmin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per projection, at every scrape: its position, the head of the log, the lag in events and in milliseconds (age of
 * the oldest event it has not applied yet) and whether it is replaying.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    /** One scrape reads the gauges one by one: the projections' statuses are read once for all of them. */
    private static final long STATUS_VALID_MILLIS = 1000;

    private final ProjectionAdmin admin;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(0, Map.of());

    private record Snapshot(long readAt, Map<String, ProjectionAdmin.ProjectionStatus> statuses) {
    }

    ProjectionMetrics(ProjectionAdmin admin, JdbcTemplate jdbc, Clock clock) {
        this.admin = admin;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : admin.names()) {
            gauge(registry, "dit.projection.position", "Last event position applied by the projection", name,
                    s -> s.position());
            gauge(registry, "dit.projection.head", "Position of the newest event in the log", name, s -> s.headPosition());
            gauge(registry, "dit.projection.lag.events", "Events in the log not yet applied by the projection", name,
                    s -> Math.max(0, s.headPosition() - s.position()));
            gauge(registry, "dit.projection.lag.ms", "Age of the oldest event not yet applied by the projection", name,
                    this::lagMillis);
            gauge(registry, "dit.projection.replaying", "1 while the projection rebuilds its read model", name,
                    s -> s.replaying() ? 1 : 0);
        }
    }

    private void gauge(MeterRegistry registry, String metric, String description, String projection,
                       ToDoubleFunction<ProjectionAdmin.ProjectionStatus> value) {
        Gauge.builder(metric, this, m -> Optional.ofNullable(m.statuses().get(projection)).map(value::applyAsDouble)
                        .orElse(Double.NaN))
                .description(description)
                .tag("projection", projection)
                .register(registry);
    }

    private Map<String, ProjectionAdmin.ProjectionStatus> statuses() {
        Snapshot current = snapshot;
        long now = clock.millis();
        if (now - current.readAt() > STATUS_VALID_MILLIS) {
            Map<String, ProjectionAdmin.ProjectionStatus> read = new HashMap<>();
            admin.statuses().forEach(status -> read.put(status.name(), status));
            current = new Snapshot(now, read);
            snapshot = current;
        }
        return current.statuses();
    }

    private double lagMillis(ProjectionAdmin.ProjectionStatus status) {
        if (status.position() >= status.headPosition()) {
            return 0;
        }
        List<String> oldest = jdbc.queryForList(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1", String.class,
                status.position());
        return oldest.isEmpty() ? 0 : Math.max(0, clock.millis() - Instant.parse(oldest.get(0)).toEpochMilli());
    }
}
