package org.dit.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Commits within the window wake each stream once; a removed stream is not woken. */
class EventsAvailableTest {

    @Test
    void givenABurstOfCommitsWithinTheWindow_whenSignalled_thenEachStreamIsWokenOnce() {
        try (EventsAvailable available = new EventsAvailable(Duration.ofMillis(200))) {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            available.register(first::incrementAndGet);
            available.register(second::incrementAndGet);

            for (int i = 0; i < 50; i++) {
                available.signal();
            }

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> available.wakes() == 1);
            // and no second wake follows for two more windows
            Awaitility.await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                    .until(() -> available.wakes() == 1);
            assertThat(first.get()).isEqualTo(1);
            assertThat(second.get()).isEqualTo(1);
        }
    }

    @Test
    void givenAStreamClosed_whenSignalled_thenOnlyTheOthersAreWoken_andALaterSignalWakesAgain() {
        try (EventsAvailable available = new EventsAvailable(Duration.ZERO)) {
            AtomicInteger open = new AtomicInteger();
            AtomicInteger closed = new AtomicInteger();
            Runnable closedCallback = closed::incrementAndGet;
            available.register(open::incrementAndGet);
            available.register(closedCallback);
            available.remove(closedCallback);

            available.signal();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> open.get() == 1);
            available.signal();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> open.get() == 2);

            assertThat(closed.get()).isZero();
            assertThat(available.registered()).isEqualTo(1);
        }
    }

    @Test
    void givenACallbackThatFails_whenWoken_thenTheOthersAreWokenAllTheSame() {
        try (EventsAvailable available = new EventsAvailable(Duration.ZERO)) {
            AtomicInteger woken = new AtomicInteger();
            available.register(() -> {
                throw new IllegalStateException("a coordinator shutting down");
            });
            available.register(woken::incrementAndGet);

            available.signal();

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == 1);
        }
    }
}
