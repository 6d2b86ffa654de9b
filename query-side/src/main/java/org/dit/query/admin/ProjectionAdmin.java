package org.dit.query.admin;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' progress against the head of the log, and their rebuilds. Replay state is judged by position,
 * not by Axon's replay flag alone: that flag stays set after a replay until a newer event arrives.
 * <p>
 * Every read model is a processing group of its own (its handlers, its dead-letter queue), and all of them share one
 * processor, so that an event is read, deserialised and committed once for all (see infra's ReadModelProcessor). A
 * projection's position is that processor's. A rebuild of one read model resets the shared processor with the names
 * of the read models to rebuild as its reset context ({@link #scopeOf}): only their tables are emptied, and only
 * their handlers see the events up to the position of the reset again; the others have applied them already.
 */
@Component
public class ProjectionAdmin {

    private final Projections projections;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    private final TransactionTemplate transaction;
    private final EventStorageEngine storage;
    private final int chunkEvents;
    private final int replayThreads;
    /** The bulk replay running on this node, if any: at most one, for the one processor the read models share. */
    private volatile BulkReplay bulk;
    private volatile BulkReplay lastBulk;
    private volatile Future<?> bulkRun;
    private final ExecutorService bulkRunner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "BulkReplay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    ProjectionAdmin(Projections projections, EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions, EventStorageEngine storage,
                    @Value("${dit.projections.replay-chunk-events:2000}") int chunkEvents,
                    @Value("${dit.projections.replay-threads:4}") int replayThreads) {
        this.projections = projections;
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.storage = storage;
        this.chunkEvents = chunkEvents;
        this.replayThreads = replayThreads;
    }

    /** The reset context naming these read models, as {@link #scopeOf} reads it back. */
    public static String scope(Set<String> names) {
        return String.join(",", new TreeSet<>(names));
    }

    /**
     * The read models a reset or a replayed event concerns, from the reset context; empty for a reset that named none
     * (every read model of the processor is rebuilt).
     */
    public static Optional<Set<String>> scopeOf(Object resetContext) {
        if (resetContext instanceof String names && !names.isBlank()) {
            return Optional.of(Arrays.stream(names.split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty();
    }

    /** Whether the replay that this event belongs to (if any) rebuilds this read model. */
    public static boolean replays(EventMessage<?> event, String readModel) {
        return !ReplayToken.isReplay(event)
                || ReplayToken.replayContext(event, Object.class).flatMap(ProjectionAdmin::scopeOf)
                .map(scope -> scope.contains(readModel)).orElse(true);
    }

    public record ProjectionStatus(String name, long position, long headPosition, boolean caughtUp, boolean replaying,
                                   boolean running, int segmentsClaimed, long deadLetters) {
    }

    public List<ProjectionStatus> statuses() {
        long head = headPosition();
        // the read models share a processor: its stored tokens are read once for all of them
        Map<String, Set<String>> rebuilding = new HashMap<>();
        return projections.names().stream()
                .map(name -> status(name, head, processor -> rebuilding.computeIfAbsent(processor, this::rebuilding)))
                .flatMap(Optional::stream).toList();
    }

    public List<String> names() {
        return projections.names();
    }

    public Optional<ProjectionStatus> status(String name) {
        return status(name, headPosition(), this::rebuilding);
    }

    public enum Replay { STARTED, UNKNOWN_PROJECTION, SEGMENTS_CLAIMED_ELSEWHERE }

    /**
     * Rebuilds the read model from the start of the log. A reset must hold every segment of the processor at once: when
     * another running node holds some, nothing is reset and this node's processor runs on as before. Read models still
     * being rebuilt stay in the new reset's scope (they start again from the first event): the new reset goes back to
     * the start of the log, and the position it replays up to stays that of the first reset.
     * <p>
     * The replay up to the head is driven in chunks ({@link BulkReplay}), unless {@code dit.projections.replay-chunk-events}
     * is 0; the processor then takes over from where it stopped.
     */
    public Replay replay(String name) {
        return replay(name, chunkEvents);
    }

    /**
     * As {@link #replay(String)}, in chunks of the given number of events, or through the processor alone when it is 0
     * (the benchmark compares both).
     */
    public synchronized Replay replay(String name, int chunkEvents) {
        Optional<StreamingEventProcessor> processor = projections.contains(name) ? processor(name) : Optional.empty();
        if (processor.isEmpty()) {
            return Replay.UNKNOWN_PROJECTION;
        }
        StreamingEventProcessor p = processor.get();
        stopBulk();
        p.shutDown();
        boolean driven = false;
        try {
            Set<String> scope = new TreeSet<>(rebuilding(p.getName()));
            scope.add(name);
            p.resetTokens(scope(scope));
            // the rebuild applies the parked events again; the queues of the read models not rebuilt are kept
            scope.forEach(readModel -> processing.deadLetterQueue(readModel)
                    .ifPresent(queue -> transaction.executeWithoutResult(status -> queue.clear())));
            if (chunkEvents > 0 && oneSequencingPolicy()) {
                startBulk(p, chunkEvents);
                driven = true;
            }
            return Replay.STARTED;
        } catch (UnableToClaimTokenException e) {
            return Replay.SEGMENTS_CLAIMED_ELSEWHERE;
        } finally {
            if (!driven) {
                p.start();
            }
        }
    }

    /**
     * The driver finds each event's segment with one sequencing policy; the read models share the default one (per
     * aggregate). Should a read model ever get its own, replays go through the processor alone.
     */
    private boolean oneSequencingPolicy() {
        return projections.names().stream().map(group -> processing.sequencingPolicy(group).getClass()).distinct().count() == 1;
    }

    private void startBulk(StreamingEventProcessor p, int chunkEvents) {
        String group = projections.names().get(0);
        BulkReplay replay = new BulkReplay(p, processing.tokenStore(p.getName()), processing.transactionManager(p.getName()),
                storage, processing.sequencingPolicy(group), chunkEvents, replayThreads);
        bulk = replay;
        lastBulk = replay;
        bulkRun = bulkRunner.submit(() -> {
            try {
                replay.run();
            } finally {
                if (!closing) {
                    p.start();
                }
            }
        });
    }

    /** Stops this node's bulk replay, if one runs, and waits until its processor has taken over. */
    private void stopBulk() {
        if (bulk == null) {
            return;
        }
        bulk.stop();
        try {
            bulkRun.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // logged by the replay; its processor has been started
        }
        bulk = null;
        bulkRun = null;
    }

    /**
     * What the last bulk replay on this node did.
     *
     * @param position the position its last committed chunk reached
     * @param running  whether it still runs
     */
    public record BulkReplayReport(long events, long position, double seconds, boolean running, boolean reachedHead) {
    }

    public Optional<BulkReplayReport> lastBulkReplay() {
        return Optional.ofNullable(lastBulk).map(BulkReplay::report);
    }

    /** Whether a bulk replay runs on this node now, and up to which position it has committed. */
    private OptionalLong bulkReplayPosition() {
        BulkReplay current = bulk;
        Future<?> run = bulkRun;
        return current == null || run == null || run.isDone() ? OptionalLong.empty() : OptionalLong.of(current.position());
    }

    @PreDestroy
    synchronized void close() {
        closing = true;
        stopBulk();
        bulkRunner.shutdownNow();
    }

    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private Optional<ProjectionStatus> status(String name, long head, Function<String, Set<String>> rebuilding) {
        OptionalLong driven = bulkReplayPosition();
        return processor(name).map(p -> {
            Map<Integer, EventTrackerStatus> segments = p.processingStatus();
            long position = segments.isEmpty() ? -1 : segments.values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(pos -> pos.orElse(0)).min().orElse(0);
            if (driven.isPresent()) {
                // the processor is stopped here while the bulk replay holds every segment
                position = driven.getAsLong();
            }
            boolean replaying = segments.values().stream().anyMatch(s -> s.isReplaying() && behind(s)
                            && inScope(ReplayToken.replayContext(s.getTrackingToken(), Object.class).orElse(null), name))
                    || rebuilding.apply(p.getName()).contains(name);
            boolean caughtUp = position >= head && !segments.isEmpty();
            long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
            return new ProjectionStatus(name, Math.max(position, 0), head, caughtUp && driven.isEmpty(), replaying,
                    p.isRunning() || driven.isPresent(), segments.size(), deadLetters);
        });
    }

    private boolean inScope(Object resetContext, String name) {
        return scopeOf(resetContext).map(scope -> scope.contains(name)).orElse(true);
    }

    /**
     * The read models a replay of the processor is rebuilding, from its tokens as stored, so the answer holds whichever
     * node owns the segments, and also while no node has claimed them yet (just after a reset, or after a restart in
     * the middle of a replay).
     */
    private Set<String> rebuilding(String processor) {
        List<String> tokens = jdbc.queryForList("""
                SELECT convert_from(token, 'UTF8') FROM token_entry
                 WHERE processor_name = ? AND token_type LIKE '%ReplayToken'""", String.class, processor);
        Set<String> rebuilding = new TreeSet<>();
        for (String token : tokens) {
            try {
                JsonNode replay = json.readTree(token);
                long reset = replay.path("tokenAtReset").path("index").asLong(-1);
                long current = replay.path("currentToken").path("index").asLong(-1);
                if (current < reset) {
                    rebuilding.addAll(scopeOf(storedContext(replay.path("context")))
                            .orElse(Set.copyOf(projections.names())));
                }
            } catch (IOException e) {
                rebuilding.addAll(projections.names());
            }
        }
        return rebuilding;
    }

    /** Jackson stores the reset context with its type: as a bare string, or as ["java.lang.String", "…"]. */
    private static String storedContext(JsonNode context) {
        if (context.isTextual()) {
            return context.asText();
        }
        return context.isArray() && context.size() == 2 && context.get(1).isTextual() ? context.get(1).asText() : null;
    }

    private static boolean behind(EventTrackerStatus status) {
        OptionalLong current = status.getCurrentPosition();
        OptionalLong reset = status.getResetPosition();
        return reset.isPresent() && (current.isEmpty() || current.getAsLong() < reset.getAsLong());
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessorByProcessingGroup(name, StreamingEventProcessor.class);
    }
}
