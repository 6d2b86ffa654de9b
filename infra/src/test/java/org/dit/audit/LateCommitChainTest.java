package org.dit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dit.command.episode.RecordOutcomeMeasure;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.episode.Instrument;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions commit out of the order in which the log numbered their events (routinely so with several nodes). An
 * event that commits after the chain has linked a later one must still be linked.
 */
@ApiTest
class LateCommitChainTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CommandGateway commands;

    @Test
    void givenAnEventCommittedAfterALaterOneWasLinked_whenItCommits_thenTheChainLinksItToo() throws Exception {
        Clinic clinic = new Clinic(new Api(port));
        String slowEpisode = clinic.referClient();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the command's events are written inside a transaction that stays open until released
        CompletableFuture<Void> slowCommit = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new RecordOutcomeMeasure(new EpisodeId(UUID.fromString(slowEpisode)), MeasureId.random(),
                    Instrument.PHQ9, Clinic.PHQ9_MILD, Clinic.ASSESSED_ON));
            appended.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();

        String laterEpisode = clinic.referClient();
        long laterIndex = lastIndexOf(laterEpisode);
        Awaitility.await("the later event linked").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> chained(laterIndex));
        release.countDown();
        slowCommit.get(20, TimeUnit.SECONDS);

        long lateIndex = lastIndexOf(slowEpisode);
        assertThat(lateIndex).as("numbered before the later event, committed after it").isLessThan(laterIndex);
        Awaitility.await("the late event linked").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> chained(lateIndex));
        assertThat(recomputedFromExport(new Api(port).as("auditor"), lateIndex - 1))
                .as("an auditor recomputes every link from the export, in chain order, the late event's too")
                .contains(lateIndex);
    }

    /**
     * Recomputes the links of the exported events after the given position from the export alone (fields, stored
     * bytes and the previous link), in chainPosition order; returns the global indexes whose links it checked.
     */
    private static List<Long> recomputedFromExport(Api auditor, long after) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Api.Response export = auditor.get("/api/audit/events?after=" + after + "&limit=1000");
        assertThat(export.status()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.text().split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        lines.removeIf(line -> line.get("chainPosition").isNull());
        lines.sort(java.util.Comparator.comparingLong(line -> line.get("chainPosition").asLong()));
        List<Long> checked = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            JsonNode previous = lines.get(i - 1);
            JsonNode line = lines.get(i);
            if (line.get("chainPosition").asLong() != previous.get("chainPosition").asLong() + 1) {
                continue;
            }
            ChainLink.StoredEvent event = new ChainLink.StoredEvent(line.get("globalIndex").asLong(),
                    line.get("eventIdentifier").asText(), line.get("aggregateIdentifier").asText(),
                    line.get("sequenceNumber").asLong(), line.get("aggregateType").asText(),
                    line.get("payloadType").asText(), line.get("revision").asText(), line.get("timestamp").asText(),
                    json.writeValueAsBytes(line.get("metaData")), json.writeValueAsBytes(line.get("payload")));
            byte[] link = ChainLink.next(HexFormat.of().parseHex(previous.get("linkHash").asText()), event);
            assertThat(HexFormat.of().formatHex(link)).as("link of global index %s", event.globalIndex())
                    .isEqualTo(line.get("linkHash").asText());
            checked.add(event.globalIndex());
        }
        return checked;
    }

    private long lastIndexOf(String episodeId) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, episodeId);
    }

    private boolean chained(long globalIndex) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_hash_chain WHERE global_index = ?", Integer.class,
                globalIndex) == 1;
    }
}
