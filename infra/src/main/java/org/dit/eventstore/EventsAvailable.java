package org.dit.eventstore;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the processors' event streams when events were committed. Signals that arrive within the coalescing window
 * wake every registered stream once, so a burst of commits costs each processor one look, not one per commit.
 */
public final class EventsAvailable implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventsAvailable.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong wakes = new AtomicLong();
    private final long windowMicros;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "events-available");
        thread.setDaemon(true);
        return thread;
    });

    public EventsAvailable(Duration window) {
        this.windowMicros = window.toNanos() / 1_000;
    }

    /** The stream's callback is run after each later commit (coalesced) until it is removed. */
    void register(Runnable callback) {
        callbacks.add(callback);
    }

    void remove(Runnable callback) {
        callbacks.remove(callback);
    }

    int registered() {
        return callbacks.size();
    }

    /** How many times the registered streams were woken (each wake runs every callback once). */
    public long wakes() {
        return wakes.get();
    }

    /** Events were committed: wake every stream at the end of the window unless a wake is already due. */
    public void signal() {
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(this::wake, windowMicros, TimeUnit.MICROSECONDS);
        }
    }

    private void wake() {
        pending.set(false);
        wakes.incrementAndGet();
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("A processor's wake-up failed; it looks again within its claim interval: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
