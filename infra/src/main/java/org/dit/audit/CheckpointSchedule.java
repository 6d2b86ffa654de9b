package org.dit.audit;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PreDestroy;
import org.dit.query.QueryRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Writes a checkpoint every {@code dit.audit.checkpoint-interval} when the chain has grown since the latest one. Every
 * node runs it; the writer's lock and the "has it moved" check make one checkpoint per interval. A refusal (a chain
 * that does not check out) is logged as an error each time, and no checkpoint is written until it is resolved.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;
    private final CheckpointKeys keys;
    private final Duration interval;
    private ThreadPoolTaskScheduler scheduler;

    CheckpointSchedule(Checkpoints checkpoints, CheckpointKeys keys, AuditProperties properties) {
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.interval = properties.checkpointInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!keys.canSign() || scheduler != null) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("audit-checkpoint-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::tick, Instant.now().plus(interval), interval);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    /** One scheduled turn: the checkpoint written, or null when the chain has not moved or it was refused. */
    Checkpoint tick() {
        try {
            Checkpoint written = checkpoints.write(true);
            if (written != null) {
                log.debug("Checkpoint {} signs the chain at position {}", written.sequence(), written.chainPosition());
            }
            return written;
        } catch (QueryRefused e) {
            log.error("No checkpoint written: {}. Run GET /api/audit/verify.", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("No checkpoint written (the database unavailable?): {}", e.toString());
        }
        return null;
    }
}
