package org.dit.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the processors read it, with streams that say when events are available: Axon's JDBC streams
 * cannot, so an idle processor would look again only every 500 ms. These streams are woken by {@link EventsAvailable}
 * after commits on any node; without a wake, a processor still looks within its claim interval.
 */
public final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final EventsAvailable available;

    public WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, EventsAvailable available) {
        this.store = store;
        this.available = available;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(store.openStream(trackingToken), available);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private static final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final EventsAvailable available;
        private volatile Runnable callback;

        WakingStream(BlockingStream<TrackedEventMessage<?>> stream, EventsAvailable available) {
            this.stream = stream;
            this.available = available;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                available.remove(previous);
            }
            callback = onAvailable;
            available.register(onAvailable);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                available.remove(registered);
            }
            stream.close();
        }
    }
}
