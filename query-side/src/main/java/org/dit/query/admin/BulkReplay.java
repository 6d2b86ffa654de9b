package org.dit.query.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a replay of the read models' processor through the log on this node, in chunks of thousands of events, instead
 * of through the processor's coordinator and work packages. The profile of a replay put as much CPU in the coordinator
 * (Axon measures each work package's queue, an O(n) {@code ConcurrentLinkedQueue.size()}, for every event, and asks
 * every work package whether it can handle it) as in all the handlers together; here one thread reads and
 * deserialises ahead while workers, each for its share of the segments, hand each event to the processor's own handler
 * invoker, once, for its segment.
 * <p>
 * The replay it drives is the processor's: the reset has stored a {@code ReplayToken} per segment, and each event
 * reaches the handlers carrying the token its segment would give it, so a scoped replay stays scoped (infra's
 * ReplayScope), the dead-letter queues and the reset handlers behave as in the processor, and a worker's chunk commits
 * its read-model rows and the tokens of its segments in one transaction. Every segment's claim is held for the whole run (each
 * chunk stores the tokens, which renews the claims); another node's processor finds them claimed and waits, as it
 * does for any node holding them. When the driver stops (it reached the head, was asked to stop, or a chunk failed
 * and rolled back), the processor is started and carries on from the last committed chunk with its own fault
 * isolation. A node that dies mid-run leaves replay tokens that any node's processor continues from.
 */
final class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

    /** Chunks read ahead of the one being handled. */
    private static final int READ_AHEAD = 2;

    private final StreamingEventProcessor processor;
    private final EventHandlerInvoker invoker;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final EventStorageEngine storage;
    private final SequencingPolicy<? super EventMessage<?>> policy;
    private final int chunkSize;
    private final int threads;
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Per worker, the position of its last committed chunk. */
    private volatile AtomicLongArray positions = new AtomicLongArray(new long[] {-1});
    private final AtomicLong handled = new AtomicLong();
    private volatile long startedNanos;
    private volatile long endedNanos;
    private volatile Boolean reachedHead;

    /**
     * @param threads how many workers handle chunks side by side, each for its own share of the segments and in its
     *                own transaction (at most one per segment)
     */
    BulkReplay(StreamingEventProcessor processor, TokenStore tokenStore, TransactionManager transactions,
               EventStorageEngine storage, SequencingPolicy<? super EventMessage<?>> policy, int chunkSize, int threads) {
        this.processor = processor;
        this.invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.storage = storage;
        this.policy = policy;
        this.chunkSize = chunkSize;
        this.threads = Math.max(1, threads);
    }

    /** The position up to which every segment has committed; -1 before the first chunk. */
    long position() {
        AtomicLongArray current = positions;
        long lowest = Long.MAX_VALUE;
        for (int w = 0; w < current.length(); w++) {
            lowest = Math.min(lowest, current.get(w));
        }
        return lowest;
    }

    /** What it did: so far while it runs, in all once it has stopped. */
    ProjectionAdmin.BulkReplayReport report() {
        long end = endedNanos != 0 ? endedNanos : System.nanoTime();
        return new ProjectionAdmin.BulkReplayReport(handled.get(), position(),
                startedNanos == 0 ? 0 : (end - startedNanos) / 1e9, reachedHead == null, Boolean.TRUE.equals(reachedHead));
    }

    /** Asks the run to stop after the chunks in hand; the tokens stay where the last committed chunks put them. */
    void stop() {
        stop.set(true);
    }

    private record Chunk(List<TrackedEventMessage<?>> events, boolean last) {
    }

    /**
     * Runs up to the head of the log as it is found (events committed meanwhile are the processor's). The processor
     * must be shut down on this node, and the tokens claimed by this node (a reset leaves them so).
     *
     * @return whether it reached the head; false when stopped or when a chunk failed (logged)
     */
    boolean run() {
        startedNanos = System.nanoTime();
        boolean reached = false;
        try {
            reached = drive();
            return reached;
        } catch (RuntimeException e) {
            log.warn("Bulk replay of {} could not start; the processor replays alone", processor.getName(), e);
            return false;
        } finally {
            endedNanos = System.nanoTime();
            reachedHead = reached;
            ProjectionAdmin.BulkReplayReport report = report();
            log.info("Bulk replay of {}: {} events in {} s ({} events/s) up to position {}; {}", processor.getName(),
                    report.events(), String.format("%.1f", report.seconds()),
                    Math.round(report.events() / Math.max(report.seconds(), 0.001)), report.position(),
                    reached ? "the head was reached, the processor takes over" : "stopped before the head, the processor carries on");
        }
    }

    private boolean drive() {
        String name = processor.getName();
        int[] ids = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(name));
        Segment[] segments = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids)).toArray(Segment[]::new);
        TrackingToken[] tokens = transactions.fetchInTransaction(
                () -> Arrays.stream(ids).mapToObj(id -> tokenStore.fetchToken(name, id)).toArray(TrackingToken[]::new));
        int workers = Math.min(threads, ids.length);
        long[] start = new long[workers];
        Arrays.fill(start, -1);
        AtomicLongArray progress = new AtomicLongArray(start);
        positions = progress;
        List<BlockingQueue<Chunk>> queues = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            queues.add(new ArrayBlockingQueue<>(READ_AHEAD));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers + 1, new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                return new Thread(r, "BulkReplay[" + name + "]-" + count.getAndIncrement());
            }
        });
        try {
            Future<?> reading = pool.submit(() -> read(lowest(tokens), queues));
            List<Future<Boolean>> working = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                // worker w handles the segments w, w + workers, …
                boolean[] mine = new boolean[ids.length];
                for (int s = worker; s < ids.length; s += workers) {
                    mine[s] = true;
                }
                working.add(pool.submit(() -> work(name, ids, segments, tokens, mine, queues.get(worker), reading,
                        progress, worker)));
            }
            // every worker ends its chunk in hand, also when another failed: an interrupted handler would fail its event
            boolean reached = true;
            for (Future<Boolean> worker : working) {
                try {
                    reached &= worker.get();
                } catch (ExecutionException e) {
                    reached = false;
                    log.warn("Bulk replay of {} stopped near position {}; the processor carries on from there", name,
                            position(), e.getCause());
                }
            }
            return reached;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            stop.set(true);
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    /** The reader and the workers look at the stop flag at least every 100 ms, once their statement is done. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("Bulk replay threads still busy a minute after the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One worker: its chunks in order, until the last, a stop, or a failure (which stops the others too). */
    private boolean work(String name, int[] ids, Segment[] segments, TrackingToken[] tokens, boolean[] mine,
                         BlockingQueue<Chunk> chunks, Future<?> reading, AtomicLongArray progress, int worker)
            throws Exception {
        try {
            while (!stop.get()) {
                Chunk chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    if (reading.isDone()) {
                        reading.get(); // the reader failed: say why
                        return false;
                    }
                    continue;
                }
                handle(name, ids, segments, tokens, mine, chunk.events());
                if (!chunk.events().isEmpty()) {
                    progress.set(worker, chunk.events().get(chunk.events().size() - 1).trackingToken().position().orElse(-1));
                }
                if (chunk.last()) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            stop.set(true);
            throw e;
        }
    }

    /** Where the segment furthest behind stands; null (the start of the log) when any has not begun. */
    private static TrackingToken lowest(TrackingToken[] tokens) {
        TrackingToken lowest = null;
        for (int s = 0; s < tokens.length; s++) {
            TrackingToken token = WrappedToken.unwrapLowerBound(tokens[s]);
            if (token == null) {
                return null;
            }
            lowest = s == 0 ? token : lowest.lowerBound(token);
        }
        return lowest;
    }

    /** Reads the log from the start token to its head, deserialising each payload, and gives each chunk to every worker. */
    private void read(TrackingToken start, List<BlockingQueue<Chunk>> queues) {
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
            while (!stop.get()) {
                boolean more = events.hasNext();
                if (more) {
                    TrackedEventMessage<?> event = events.next();
                    event.getPayload();
                    chunk.add(event);
                }
                if (!more || chunk.size() == chunkSize) {
                    // the list is not touched again here: the next chunk is a new one
                    Chunk ready = new Chunk(chunk, !more);
                    for (BlockingQueue<Chunk> queue : queues) {
                        while (!stop.get() && !queue.offer(ready, 100, TimeUnit.MILLISECONDS)) {
                            // that worker is behind: wait
                        }
                    }
                    if (!more) {
                        return;
                    }
                    chunk = new ArrayList<>(chunkSize);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One chunk, for this worker's segments, in one unit of work and transaction: each event to the handlers of its
     * segment, unless that segment's token covers it already; then those segments' tokens advanced past the chunk.
     */
    private void handle(String name, int[] ids, Segment[] segments, TrackingToken[] tokens, boolean[] mine,
                        List<TrackedEventMessage<?>> events) throws Exception {
        if (events.isEmpty()) {
            return;
        }
        TrackingToken[] next = tokens.clone();
        List<TrackedEventMessage<?>> batch = new ArrayList<>(events.size());
        List<Segment> batchSegments = new ArrayList<>(events.size());
        for (TrackedEventMessage<?> event : events) {
            int s = segmentOf(event, segments);
            if (!mine[s] || next[s] != null && next[s].covers(event.trackingToken())) {
                continue;
            }
            next[s] = WrappedToken.advance(next[s], event.trackingToken());
            batch.add(event.withTrackingToken(next[s]));
            batchSegments.add(segments[s]);
        }
        TrackingToken last = events.get(events.size() - 1).trackingToken();
        for (int s = 0; s < next.length; s++) {
            if (mine[s] && (next[s] == null || !next[s].covers(last))) {
                next[s] = WrappedToken.advance(next[s], last);
            }
        }
        if (batch.isEmpty()) {
            transactions.executeInTransaction(() -> store(name, ids, mine, next));
        } else {
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.onPrepareCommit(u -> store(name, ids, mine, next));
            int[] index = {0};
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                invoker.handle(unitOfWork.getMessage(), batchSegments.get(index[0]++));
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException("a chunk of the bulk replay rolled back", result.exceptionResult());
            }
        }
        for (int s = 0; s < next.length; s++) {
            if (mine[s]) {
                tokens[s] = next[s];
            }
        }
        handled.addAndGet(batch.size());
    }

    private void store(String name, int[] ids, boolean[] mine, TrackingToken[] next) {
        for (int s = 0; s < ids.length; s++) {
            if (mine[s]) {
                tokenStore.storeToken(next[s], name, ids[s]);
            }
        }
    }

    private int segmentOf(EventMessage<?> event, Segment[] segments) {
        Object sequence = policy.getSequenceIdentifierFor(event);
        for (int s = 0; s < segments.length; s++) {
            if (segments[s].matches(sequence == null ? event.getIdentifier() : sequence)) {
                return s;
            }
        }
        throw new IllegalStateException("no segment of " + processor.getName() + " matches event " + event.getIdentifier());
    }
}
