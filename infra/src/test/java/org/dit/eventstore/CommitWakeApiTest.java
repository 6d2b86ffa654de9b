package org.dit.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every processor reads a stream that is woken after commits, and a commit wakes them through PostgreSQL's NOTIFY (the
 * listener is the only thing that signals), whether it came through this service or straight into the table.
 */
@ApiTest
class CommitWakeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventsAvailable available;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenTheRunningProcessors_whenACommandCommits_thenTheirStreamsAreWokenByTheNotification() {
        List<String> processors = jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry", String.class);
        Awaitility.await("every processor's coordinator registered its stream").atMost(Duration.ofSeconds(30))
                .until(() -> available.registered() >= processors.size());
        assertThat(processors).contains("read-models", "audit-chain");

        long before = available.wakes();
        new Clinic(new Api(port)).registerTherapist(2);

        Awaitility.await("woken after the commit").atMost(Duration.ofSeconds(10)).until(() -> available.wakes() > before);
    }

    @Test
    void givenTheListener_whenAnotherSessionNotifies_thenTheStreamsAreWoken() {
        long before = available.wakes();

        jdbc.execute("NOTIFY " + CommitListener.CHANNEL);

        Awaitility.await("woken by a notification from another connection").atMost(Duration.ofSeconds(10))
                .until(() -> available.wakes() > before);
    }
}
