package org.dit.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;

/**
 * An operator's single node on its embedded PostgreSQL, stopped with SIGTERM under a load of commands (every processor
 * busy): the stop is quiet and the database goes down last, with the node. Before, the database library's own JVM
 * shutdown hook stopped PostgreSQL under the running processors, and each stop logged their failed commits.
 */
class EmbeddedGracefulStopIT {

    @Test
    void givenCommandsCommitting_whenTheNodeIsStopped_thenItLogsNoErrorAndItsPostgresStopsWithIt() throws Exception {
        Path dataDir = Path.of("target", "nodes", "embedded-graceful-stop").toAbsolutePath();
        if (Files.exists(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        try (ServiceProcess node = ServiceProcess.launchEmbedded("embedded-stop", dataDir).awaitUp()) {
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger courses = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(3);
            for (int i = 0; i < 3; i++) {
                clients.submit(() -> {
                    while (loading.get()) {
                        try {
                            Clinic clinic = new Clinic(node.api());
                            clinic.attendSessions(clinic.clientInTherapyWith(clinic.registerTherapist(2)), 2);
                            courses.incrementAndGet();
                        } catch (RuntimeException | AssertionError stopped) {
                            // the stopping node refuses new connections: the load ends there
                        }
                    }
                });
            }
            Awaitility.await("commands committed").atMost(Duration.ofSeconds(60))
                    .until(() -> courses.get() >= 3);

            node.stop();
            loading.set(false);
            clients.shutdownNow();

            assertThat(node.isAlive()).isFalse();
            assertThat(node.logText()).as("the stopped node's log").doesNotContain(" ERROR ").doesNotContain("\tat ");
            assertThat(dataDir.resolve("pg").resolve("postmaster.pid")).as("its PostgreSQL stopped with it")
                    .doesNotExist();
        }
    }
}
