package org.dit.query.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The projections' progress against the head of the log, and their rebuilds. Replay state is judged by position,
 * not by Axon's replay flag alone: that flag stays set after a replay until a newer event arrives.
 */
@Component
public class ProjectionAdmin {

    public static final List<String> PROJECTIONS = List.of("episode-view", "caseload", "waiting-list", "outcomes");

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    /** Head of the log when this node started a replay: until the projection passes it, the model is rebuilding. */
    private final Map<String, Long> replayTargets = new ConcurrentHashMap<>();

    ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public record ProjectionStatus(String name, long position, long headPosition, boolean caughtUp, boolean replaying,
                                   boolean running, int segmentsClaimed) {
    }

    public List<ProjectionStatus> statuses() {
        long head = headPosition();
        return PROJECTIONS.stream().map(name -> status(name, head)).flatMap(Optional::stream).toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        return status(name, headPosition());
    }

    public boolean isRebuilding(String name) {
        return status(name).map(ProjectionStatus::replaying).orElse(false);
    }

    /** Rebuilds the read model from the start of the log; false for an unknown projection. */
    public boolean replay(String name) {
        Optional<StreamingEventProcessor> processor = processor(name);
        if (processor.isEmpty()) {
            return false;
        }
        StreamingEventProcessor p = processor.get();
        replayTargets.put(name, headPosition());
        p.shutDown();
        p.resetTokens();
        p.start();
        return true;
    }

    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private Optional<ProjectionStatus> status(String name, long head) {
        return processor(name).map(p -> {
            Map<Integer, EventTrackerStatus> segments = p.processingStatus();
            long position = segments.isEmpty() ? -1 : segments.values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(pos -> pos.orElse(0)).min().orElse(0);
            boolean replaying = segments.values().stream().anyMatch(s -> s.isReplaying() && behind(s))
                    || replayRequested(name, segments.isEmpty() ? -1 : position);
            boolean caughtUp = position >= head && !segments.isEmpty();
            return new ProjectionStatus(name, Math.max(position, 0), head, caughtUp, replaying, p.isRunning(), segments.size());
        });
    }

    private boolean replayRequested(String name, long position) {
        Long target = replayTargets.get(name);
        if (target == null) {
            return false;
        }
        if (position >= target) {
            replayTargets.remove(name, target);
            return false;
        }
        return true;
    }

    private static boolean behind(EventTrackerStatus status) {
        OptionalLong current = status.getCurrentPosition();
        OptionalLong reset = status.getResetPosition();
        return reset.isPresent() && (current.isEmpty() || current.getAsLong() < reset.getAsLong());
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
