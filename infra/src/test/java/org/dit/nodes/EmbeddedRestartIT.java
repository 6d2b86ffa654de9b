package org.dit.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;

/**
 * A single node on its embedded database, killed with SIGKILL: its JVM cannot stop its PostgreSQL, which lives on as
 * an orphan holding the data directory. Started again at once, the node stops that orphan (its owner is gone) and comes
 * up with everything accepted before the kill.
 */
class EmbeddedRestartIT {

    @Test
    void givenANodeKilledWithSigkill_whenItIsStartedAgainAtOnce_thenItStopsTheOrphanedPostgresAndComesUpWithItsData()
            throws Exception {
        Path dataDir = Path.of("target", "nodes", "embedded-restart").toAbsolutePath();
        deleteRecursively(dataDir);
        long orphan = -1;
        try {
            String episodeId;
            Duration firstStart;
            long starting = System.nanoTime();
            try (ServiceProcess node = ServiceProcess.launchEmbedded("embedded", dataDir).awaitUp()) {
                firstStart = Duration.ofNanos(System.nanoTime() - starting);
                Api api = node.api();
                Api.Response referral = api.post("/api/episodes", Clinic.referral(api));
                assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
                episodeId = referral.json().get("episodeId").asText();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/episodes/" + episodeId).status() == 200);
                orphan = postmasterPid(dataDir).orElseThrow();

                node.kill();
            }
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the killed node's PostgreSQL lives on")
                    .contains(true);

            long restarting = System.nanoTime();
            try (ServiceProcess restarted = ServiceProcess.launchEmbedded("embedded-restarted", dataDir).awaitUp()) {
                Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
                System.out.println("EmbeddedRestartIT: first start (new store) UP in " + firstStart.toMillis()
                        + " ms; restarted after SIGKILL, UP in " + restart.toMillis() + " ms");
                // before, the restart waited a minute for a PostgreSQL that could not start, then gave up
                assertThat(restart).as("no slower than the first start on a new store").isLessThan(firstStart.plusSeconds(30));
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan was stopped").isFalse();
                assertThat(postmasterPid(dataDir)).isPresent().isNotEqualTo(Optional.of(orphan));
                assertThat(restarted.logText()).contains("left running on");
                Api.Response episode = restarted.api().get("/api/episodes/" + episodeId);
                assertThat(episode.status()).isEqualTo(200);
                assertThat(episode.json().get("status").asText()).isEqualTo("REFERRED");
            }
            assertThat(dataDir.resolve("service.pid")).as("a clean stop gives the directory up").doesNotExist();
        } finally {
            // whatever happened, leave no PostgreSQL behind
            if (orphan > 0) {
                ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    private static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
