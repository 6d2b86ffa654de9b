package org.dit.demo;

import java.time.Clock;
import java.util.Optional;
import java.util.Random;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With {@code dit.demo=true}, fills an empty event store with the demo clinic once the service is up. It runs in
 * the background so health answers at once, and never touches a store that holds any event: demo data must not
 * mix with real records.
 */
@Component
@ConditionalOnProperty(name = "dit.demo", havingValue = "true")
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    DemoDataLoader(JdbcTemplate jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread loader = new Thread(() -> {
            try {
                loadIfEmpty();
            } catch (RuntimeException e) {
                log.error("Demo data load failed; the events sent so far stay in the store", e);
            }
        }, "dit-demo-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** Loads the demo clinic into an empty store; returns empty, having logged why, when the store holds events. */
    Optional<DemoSummary> loadIfEmpty() {
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        if (events != null && events > 0) {
            log.warn("Demo data not loaded: the event store already holds {} events (dit.demo loads only into an empty store)",
                    events);
            return Optional.empty();
        }
        log.info("Demo data: the event store is empty; loading the demo clinic");
        DemoSummary summary = new DemoClinic(commands, clock, new Random(DemoClinic.DEFAULT_SEED)).populate();
        log.info("Demo data loaded: {}", summary.describe());
        return Optional.of(summary);
    }
}
