package org.dit.query.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projections' progress against the head of the log, and their rebuilds. Replay state is judged by position,
 * not by Axon's replay flag alone: that flag stays set after a replay until a newer event arrives.
 */
@Component
public class ProjectionAdmin {

    private final Projections projections;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ProjectionAdmin(Projections projections, EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc) {
        this.projections = projections;
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    public record ProjectionStatus(String name, long position, long headPosition, boolean caughtUp, boolean replaying,
                                   boolean running, int segmentsClaimed, long deadLetters) {
    }

    public List<ProjectionStatus> statuses() {
        long head = headPosition();
        return projections.names().stream().map(name -> status(name, head)).flatMap(Optional::stream).toList();
    }

    public List<String> names() {
        return projections.names();
    }

    public Optional<ProjectionStatus> status(String name) {
        return status(name, headPosition());
    }

    public enum Replay { STARTED, UNKNOWN_PROJECTION, SEGMENTS_CLAIMED_ELSEWHERE }

    /**
     * Rebuilds the read model from the start of the log. A reset must hold every segment of the processor at once: when
     * another running node holds some, nothing is reset and this node's processor runs on as before.
     */
    public Replay replay(String name) {
        Optional<StreamingEventProcessor> processor = projections.contains(name) ? processor(name) : Optional.empty();
        if (processor.isEmpty()) {
            return Replay.UNKNOWN_PROJECTION;
        }
        StreamingEventProcessor p = processor.get();
        p.shutDown();
        try {
            p.resetTokens();
            return Replay.STARTED;
        } catch (UnableToClaimTokenException e) {
            return Replay.SEGMENTS_CLAIMED_ELSEWHERE;
        } finally {
            p.start();
        }
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
                    || storedTokensReplaying(name);
            boolean caughtUp = position >= head && !segments.isEmpty();
            long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
            return new ProjectionStatus(name, Math.max(position, 0), head, caughtUp, replaying, p.isRunning(), segments.size(),
                    deadLetters);
        });
    }

    /**
     * Reads the processor's tokens as stored, so the answer holds whichever node owns the segments, and also while no
     * node has claimed them yet (just after a reset, or after a restart in the middle of a replay).
     */
    private boolean storedTokensReplaying(String name) {
        List<String> tokens = jdbc.queryForList("""
                SELECT convert_from(token, 'UTF8') FROM token_entry
                 WHERE processor_name = ? AND token_type LIKE '%ReplayToken'""", String.class, name);
        for (String token : tokens) {
            try {
                JsonNode replay = json.readTree(token);
                long reset = replay.path("tokenAtReset").path("index").asLong(-1);
                long current = replay.path("currentToken").path("index").asLong(-1);
                if (current < reset) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
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
