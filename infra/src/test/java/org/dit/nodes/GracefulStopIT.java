package org.dit.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator stops a node with SIGTERM while another runs beside it: the stop is quiet (no ERROR, no stack trace)
 * and orderly (the node releases its segments as it stops), so the other node takes them at once rather than after
 * the claim timeout that a crash needs.
 */
class GracefulStopIT {

    private static final Duration CLAIM_TIMEOUT = ClaimTimeout.configured();

    @Test
    void givenTwoNodesAndTheFirstHoldingEverySegment_whenTheFirstIsStopped_thenItLogsNoErrorAndTheSecondTakesOverAtOnce() {
        try (ExternalPostgres database = ExternalPostgres.start(Path.of("target", "nodes", "graceful-stop-pg"))) {
            JdbcTemplate jdbc = database.jdbc();
            try (ServiceProcess first = ServiceProcess.start("stop-a", database);
                 ServiceProcess second = ServiceProcess.start("stop-b", database)) {
                Clinic clinic = new Clinic(first.api());
                String episodeId = clinic.clientInTherapyWith(clinic.registerTherapist(2));
                clinic.attendSessions(episodeId, 2);
                new LogAgreement(first.api()).awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(owners(jdbc)).as("the first node up holds every segment")
                        .allMatch(owner -> owner != null && owner.startsWith(first.tokenOwnerPrefix()));

                Instant stopping = Instant.now();
                first.stop();
                Duration stopped = Duration.between(stopping, Instant.now());
                assertThat(owners(jdbc)).as("the stopped node released its claims as it stopped")
                        .noneMatch(owner -> owner != null && owner.startsWith(first.tokenOwnerPrefix()));
                Awaitility.await("the second node owns every segment").atMost(CLAIM_TIMEOUT)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> owners(jdbc).stream()
                                .allMatch(owner -> owner != null && owner.startsWith(second.tokenOwnerPrefix())));
                Duration handOver = Duration.between(stopping, Instant.now());
                System.out.printf("graceful stop took %d ms; the other node held every segment %d ms after SIGTERM "
                        + "(claim timeout %s)%n", stopped.toMillis(), handOver.toMillis(), CLAIM_TIMEOUT);

                String log = first.logText();
                assertThat(log).as("the stopped node's log").doesNotContain(" ERROR ").doesNotContain("\tat ")
                        .doesNotContain("Exception");
                // a released claim is free at once: the other node, looking every second, takes it well within
                // the claim timeout (a killed node's segments are free only after it)
                assertThat(handOver.minus(stopped)).isLessThan(CLAIM_TIMEOUT.dividedBy(2));
                assertThat(second.api().post("/api/episodes/" + episodeId + "/sessions",
                        java.util.Map.of("startsAt", Clinic.week(3).toString(), "mode", "VIDEO")).status())
                        .as("the remaining node takes commands").isEqualTo(201);
            }
        }
    }

    private static List<String> owners(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT owner FROM token_entry", String.class);
    }
}
