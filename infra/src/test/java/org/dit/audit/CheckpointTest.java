package org.dit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.TestDatabase;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints anchor the hash chain outside the database. Each attack below leaves the chain consistent with
 * the log, so the chain alone reports it intact (firstBrokenGlobalIndex null); only the checkpoints catch it. The
 * attacker is a database superuser without the signing key. Each test puts the log, the chain and the checkpoints
 * back exactly and checks that verify is clean again, since the suite shares one database.
 */
@ApiTest
class CheckpointTest {

    @LocalServerPort
    int port;
    /** The attacks are a superuser's: the service's own role may not touch the triggers or these tables' rows. */
    final JdbcTemplate jdbc = TestDatabase.superuser();
    final TransactionTemplate transaction = TestDatabase.superuserTransaction(jdbc);
    @Autowired
    CheckpointSchedule schedule;

    Api auditor;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        Api lead = new Api(port);
        auditor = lead.as("auditor");
        clinic = new Clinic(lead);
    }

    // ---------------------------------------------------------------- writing, exporting and checking checkpoints

    @Test
    void givenACheckpoint_whenTheAuditorChecksItOffline_thenItsSignatureVerifiesWithTheExportedPublicKey() throws Exception {
        aChainedEpisode();

        JsonNode written = checkpoint();
        JsonNode exported = last(auditor.get("/api/audit/checkpoints?limit=10000").json());
        JsonNode key = auditor.get("/api/audit/checkpoints/keys").json().get(0);

        assertThat(exported).isEqualTo(written);
        assertThat(written.get("keyId").asText()).isEqualTo(key.get("keyId").asText());
        assertThat(written.get("linkedEvents").asLong()).isEqualTo(linkCount());
        assertThat(written.get("headHash").asText()).isEqualTo(HexFormat.of().formatHex(jdbc.queryForObject(
                "SELECT link_hash FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1", byte[].class)));
        assertThat(written.get("coveredGlobalIndex").asLong()).isPositive()
                .isLessThanOrEqualTo(written.get("highestGlobalIndex").asLong());
        // the documented canonical bytes, built here from the export alone
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText()))));
        ed25519.update(canonical(written));
        assertThat(ed25519.verify(Base64.getDecoder().decode(written.get("signature").asText()))).isTrue();

        JsonNode result = verify();
        assertThat(result.get("firstBrokenGlobalIndex").isNull()).isTrue();
        assertThat(result.get("checkpointsIntact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("checkpoints").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(result.get("latestCheckpoint")).isEqualTo(written);
        assertThat(result.get("uncheckpointedEvents").asLong()).isZero();
        assertThat(result.get("checkpointFailures")).isEmpty();
    }

    @Test
    void givenEventsAfterTheLatestCheckpoint_whenVerified_thenTheyAreCountedAndTheNoteSaysWhatTheyLack() {
        String client = clinic.registerClient();
        aChainedEpisode();
        checkpoint();
        clinic.referClient(client);
        awaitChained();

        JsonNode result = verify();

        assertThat(result.get("checkpointsIntact").asBoolean()).isTrue();
        assertThat(result.get("uncheckpointedEvents").asLong()).isEqualTo(1);
        assertThat(result.get("note").asText()).contains("1 events are after the latest checkpoint")
                .contains("The next checkpoint signs the log as it is then");
    }

    @Test
    void givenTheSchedule_whenTheChainHasNotMoved_thenItWritesNothing_andWhenItHas_thenTheNextCheckpoint() {
        aChainedEpisode();
        long latest = checkpoint().get("sequence").asLong();

        assertThat(schedule.tick()).as("the head has not moved").isNull();

        clinic.referClient();
        awaitChained();
        Checkpoint scheduled = schedule.tick();
        assertThat(scheduled).isNotNull();
        assertThat(scheduled.sequence()).isEqualTo(latest + 1);
        assertThat(scheduled.linkedEvents()).isEqualTo(linkCount());
        assertThat(schedule.tick()).isNull();
    }

    @Test
    void givenTheService_whenItTriesToRewriteCheckpointsOrTruncateTheChain_thenTheDatabaseRefuses() {
        aChainedEpisode();
        long sequence = checkpoint().get("sequence").asLong();

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_checkpoint SET key_id = 'other' WHERE sequence = ?", sequence))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_checkpoint WHERE sequence = ?", sequence))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_checkpoint")).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_hash_chain")).hasStackTraceContaining("append-only");
    }

    // ---------------------------------------------------------------- the attacks

    @Test
    void givenAForgedEventAppendedAtTheHeadAndLinked_whenDatedBeforeTheLatestCheckpoint_thenItIsFoundBackdated() {
        aChainedEpisode();
        JsonNode checkpoint = checkpoint();
        Runnable restore = remember(maxGlobalIndex() + 1);
        try {
            long forged = forge(null, Instant.now().minus(1, ChronoUnit.HOURS), true);

            JsonNode result = verify();
            assertThat(result.get("firstBrokenGlobalIndex").isNull()).as("the chain alone is fooled").isTrue();
            assertThat(result.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(failure(result, forged)).contains("backdated")
                    .contains("checkpoint " + checkpoint.get("sequence").asLong());
        } finally {
            restore.run();
        }
        assertIntact();
    }

    /** The limit, stated in the note: an event added after the latest checkpoint and dated now looks genuine. */
    @Test
    void givenAForgedEventAppendedAtTheHeadAndDatedNow_whenVerified_thenOnlyTheNoteAndTheCountShowIt() {
        aChainedEpisode();
        checkpoint();
        Runnable restore = remember(maxGlobalIndex() + 1);
        try {
            forge(null, Instant.now(), true);

            JsonNode result = verify();
            assertThat(result.get("firstBrokenGlobalIndex").isNull()).isTrue();
            assertThat(result.get("checkpointsIntact").asBoolean()).isTrue();
            assertThat(result.get("uncheckpointedEvents").asLong()).isEqualTo(1);
            assertThat(result.get("note").asText()).contains("adds an event dated now");
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void givenAForgedEventPutIntoAHoleInTheNumbering_whenLinkedAtTheTailOrTheChainRecomputed_thenTheCheckpointCatchesIt() {
        long hole = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        List<Long> after = aChainedEpisode();
        assertThat(after.get(0)).isGreaterThan(hole);
        // the hole is covered once the event after it is older than the grace period (2 s in the tests)
        JsonNode checkpoint = Awaitility.await().pollDelay(Duration.ofMillis(2200)).pollInterval(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(20)).until(this::checkpoint, c -> c.get("coveredGlobalIndex").asLong() > hole);
        Instant dated = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                String.class, after.get(0)));
        Runnable restore = remember(hole);
        try {
            // as a late commit would be: linked at the tail
            forge(hole, dated, true);

            JsonNode tail = verify();
            assertThat(tail.get("firstBrokenGlobalIndex").isNull()).as("the chain alone is fooled").isTrue();
            assertThat(tail.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(failure(tail, hole)).contains("linked after checkpoint " + checkpoint.get("sequence").asLong())
                    .contains("covers every event up to global index");
        } finally {
            restore.run();
        }
        try {
            // in its place in the global order, the chain recomputed from there on
            forge(hole, dated, false);
            rebuildChainFrom(firstPositionAtOrAfter(hole));

            JsonNode recomputed = verify();
            assertThat(recomputed.get("firstBrokenGlobalIndex").isNull()).as("the chain alone is fooled").isTrue();
            assertThat(recomputed.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(problems(recomputed)).anyMatch(p -> p.contains("is not the head checkpoint"));
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void givenAnEditedEvent_whenTheChainIsRecomputedFromIt_thenTheCheckpointsHeadNoLongerMatches() {
        long edited = aChainedEpisode().get(3);
        JsonNode checkpoint = checkpoint();
        Runnable restore = remember(edited);
        try {
            asSuperuserBypassingTriggers("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'\"total\":', '\"total\":1'), 'UTF8') WHERE global_index = " + edited);
            assertThat(verify().get("firstBrokenGlobalIndex").asLong()).as("unrecomputed, the chain finds it").isEqualTo(edited);
            rebuildChainFrom(firstPositionAtOrAfter(edited));

            JsonNode result = verify();
            assertThat(result.get("firstBrokenGlobalIndex").isNull()).as("recomputed, the chain alone is fooled").isTrue();
            assertThat(result.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(problems(result)).anyMatch(p -> p.contains("is not the head checkpoint " + checkpoint.get("sequence").asLong()));
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void givenTheNewestEventsDeletedWithTheirLinks_whenVerified_thenTheChainEndsBeforeTheSignedHead() {
        List<Long> indexes = aChainedEpisode();
        JsonNode checkpoint = checkpoint();
        long firstDeleted = indexes.get(indexes.size() - 2);
        assertThat(indexes.get(indexes.size() - 1)).isEqualTo(maxGlobalIndex());
        Runnable restore = remember(firstDeleted);
        try {
            asSuperuserBypassingTriggers("DELETE FROM audit_hash_chain WHERE global_index >= " + firstDeleted,
                    "DELETE FROM domain_event_entry WHERE global_index >= " + firstDeleted);

            JsonNode result = verify();
            assertThat(result.get("firstBrokenGlobalIndex").isNull()).as("the chain alone is fooled").isTrue();
            assertThat(result.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(problems(result)).anyMatch(p -> p.contains("the chain ends after")
                    && p.contains("before the head checkpoint " + checkpoint.get("sequence").asLong()));
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void givenTheChainTruncatedAndRebuiltOverALogMissingAnEvent_whenVerified_thenTheCheckpointsDisagree() {
        long deleted = aChainedEpisode().get(2);
        long sequence = checkpoint().get("sequence").asLong();
        Runnable restore = remember(deleted);
        try {
            asSuperuserBypassingTriggers("DELETE FROM domain_event_entry WHERE global_index = " + deleted,
                    "TRUNCATE audit_hash_chain RESTART IDENTITY");
            rebuildChainFrom(1);

            JsonNode result = verify();
            assertThat(result.get("firstBrokenGlobalIndex").isNull()).as("the chain alone is fooled").isTrue();
            assertThat(result.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(result.get("checkpointFailures").findValuesAsText("sequence")).contains(String.valueOf(sequence));
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void givenACheckpointRowEdited_whenVerified_thenItsSignatureFails_andNoCheckpointIsSignedOverIt() {
        aChainedEpisode();
        long sequence = checkpoint().get("sequence").asLong();
        Runnable restore = remember(maxGlobalIndex() + 1);
        try {
            asSuperuserBypassingTriggers("UPDATE audit_checkpoint SET covered_global_index = covered_global_index + 1000,"
                    + " highest_global_index = highest_global_index + 1000 WHERE sequence = " + sequence);

            JsonNode result = verify();
            assertThat(result.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(problems(result)).contains("the signature of checkpoint " + sequence + " does not verify: altered");
            Api.Response refused = auditor.post("/api/audit/checkpoints", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/checkpoint-invalid");
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void givenTheNewestCheckpointsDeletedWithTheEventsTheyCovered_whenVerifiedAgainstTheAuditorsCopy_thenTheDeletionIsFound() {
        aChainedEpisode();
        checkpoint();
        String referred = clinic.referClient();
        awaitChained();
        long firstDeleted = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, referred);
        long deletedCheckpoint = checkpoint().get("sequence").asLong();
        JsonNode copy = auditor.get("/api/audit/checkpoints?limit=10000").json();
        Runnable restore = remember(firstDeleted);
        try {
            asSuperuserBypassingTriggers("DELETE FROM audit_checkpoint WHERE sequence >= " + deletedCheckpoint,
                    "DELETE FROM audit_hash_chain WHERE global_index >= " + firstDeleted,
                    "DELETE FROM domain_event_entry WHERE global_index >= " + firstDeleted);

            JsonNode alone = verify();
            assertThat(alone.get("firstBrokenGlobalIndex").isNull()).isTrue();
            assertThat(alone.get("checkpointsIntact").asBoolean()).as("without the copy, the newest end cannot be told").isTrue();
            assertThat(alone.get("note").asText()).contains("detected only against a copy kept elsewhere");

            JsonNode againstCopy = auditor.post("/api/audit/verify", Map.of("checkpoints", copy)).json();
            assertThat(againstCopy.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(problems(againstCopy)).contains("checkpoint " + deletedCheckpoint
                    + " is in the auditor's copy but not in the database: deleted");
            assertThat(problems(againstCopy)).anyMatch(p -> p.contains("before the head checkpoint " + deletedCheckpoint));
            assertThat(againstCopy.get("latestCheckpoint").get("sequence").asLong()).isEqualTo(deletedCheckpoint);
        } finally {
            restore.run();
        }
        assertIntact();
        JsonNode restored = auditor.post("/api/audit/verify", Map.of("checkpoints", copy)).json();
        assertThat(restored.get("checkpointsIntact").asBoolean()).as(restored.toString()).isTrue();
    }

    @Test
    void givenACheckpointDeletedFromTheMiddle_whenVerified_thenTheGapInTheSequenceIsFoundWithoutACopy() {
        aChainedEpisode();
        long middle = checkpoint().get("sequence").asLong();
        clinic.referClient();
        awaitChained();
        checkpoint();
        Runnable restore = remember(maxGlobalIndex() + 1);
        try {
            asSuperuserBypassingTriggers("DELETE FROM audit_checkpoint WHERE sequence = " + middle);

            JsonNode result = verify();
            assertThat(result.get("checkpointsIntact").asBoolean()).isFalse();
            assertThat(problems(result)).anyMatch(p -> p.startsWith("checkpoint " + middle + " is missing from the database"));
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void givenAnAuditorsCopyThatIsNotACheckpointList_whenPosted_then400() {
        Api.Response response = auditor.post("/api/audit/verify", Map.of("checkpoints", List.of(Map.of("sequence", 1))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode verify() {
        Api.Response response = auditor.get("/api/audit/verify");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode checkpoint() {
        Api.Response response = auditor.post("/api/audit/checkpoints", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private void assertIntact() {
        JsonNode result = verify();
        assertThat(result.get("firstBrokenGlobalIndex").isNull()).as(result.toString()).isTrue();
        assertThat(result.get("checkpointsIntact").asBoolean()).as(result.toString()).isTrue();
    }

    private static List<String> problems(JsonNode result) {
        List<String> problems = new ArrayList<>();
        result.get("checkpointFailures").forEach(f -> problems.add(f.get("problem").asText()));
        return problems;
    }

    private static String failure(JsonNode result, long globalIndex) {
        for (JsonNode failure : result.get("checkpointFailures")) {
            if (failure.get("globalIndex").asLong(-1) == globalIndex) {
                return failure.get("problem").asText();
            }
        }
        throw new AssertionError("no failure at global index " + globalIndex + " in " + result);
    }

    private static JsonNode last(JsonNode list) {
        return list.get(list.size() - 1);
    }

    /** The signed bytes as docs/security-and-audit.md describes them. */
    private static byte[] canonical(JsonNode c) {
        ByteBuffer out = ByteBuffer.allocate(512);
        byte[] domain = "dit-audit-checkpoint/1".getBytes(StandardCharsets.US_ASCII);
        out.putInt(domain.length).put(domain);
        out.putLong(c.get("sequence").asLong());
        out.putLong(Instant.parse(c.get("createdAt").asText()).toEpochMilli());
        out.putLong(c.get("chainPosition").asLong());
        out.putLong(c.get("linkedEvents").asLong());
        byte[] head = HexFormat.of().parseHex(c.get("headHash").asText());
        out.putInt(head.length).put(head);
        out.putLong(c.get("coveredGlobalIndex").asLong());
        out.putLong(c.get("highestGlobalIndex").asLong());
        byte[] keyId = c.get("keyId").asText().getBytes(StandardCharsets.UTF_8);
        out.putInt(keyId.length).put(keyId);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** A new episode's events, all linked into the chain; returns their global indexes. */
    private List<Long> aChainedEpisode() {
        String therapistId = clinic.registerTherapist(2);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class,
                episodeId);
        awaitChained();
        return indexes;
    }

    private void awaitChained() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> Boolean.TRUE.equals(
                jdbc.queryForObject("""
                        SELECT NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE NOT EXISTS
                               (SELECT 1 FROM audit_hash_chain c WHERE c.global_index = e.global_index))""", Boolean.class)));
    }

    private long maxGlobalIndex() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    private long linkCount() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_hash_chain", Long.class);
    }

    private long firstPositionAtOrAfter(long globalIndex) {
        return jdbc.queryForObject("SELECT min(chain_position) FROM audit_hash_chain WHERE global_index >= ?", Long.class,
                globalIndex);
    }

    /** Runs SQL as a superuser would to get round the append-only triggers. */
    private void asSuperuserBypassingTriggers(String... statements) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            for (String statement : statements) {
                jdbc.execute(statement);
            }
        });
    }

    /**
     * An event nobody sent, of a type no projection knows (so no read model takes it in): at the given global index, or
     * the next one when null; linked at the chain's tail when asked, as the chain processor would link it.
     */
    private long forge(Long globalIndex, Instant dated, boolean link) {
        long index = globalIndex != null ? globalIndex
                : jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                           meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, 0, 'Episode', ?, ?, ?, '1',
                           'org.dit.events.forged.SessionAttendedForged', ?)""",
                    index, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "{\"actor\":\"clinic-lead\"}".getBytes(StandardCharsets.UTF_8),
                    "{\"sessionNumber\":3}".getBytes(StandardCharsets.UTF_8), dated.toString());
            if (link) {
                List<byte[]> previous = jdbc.queryForList(
                        "SELECT link_hash FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1", byte[].class);
                ChainLink.StoredEvent row = jdbc.queryForObject("SELECT " + ChainLink.EVENT_COLUMNS
                        + " FROM domain_event_entry WHERE global_index = ?", (rs, i) -> ChainLink.StoredEvent.read(rs), index);
                jdbc.update("INSERT INTO audit_hash_chain (global_index, link_hash) VALUES (?, ?)", index,
                        ChainLink.next(previous.isEmpty() ? null : previous.get(0), row));
            }
        });
        return index;
    }

    /**
     * Recomputes the chain as an attacker with the formula would: drops the links from a chain position on and links
     * every unlinked event in global order from there, each to the one before.
     */
    private void rebuildChainFrom(long position) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.update("DELETE FROM audit_hash_chain WHERE chain_position >= ?", position);
            List<byte[]> previous = jdbc.queryForList(
                    "SELECT link_hash FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1", byte[].class);
            byte[] link = previous.isEmpty() ? null : previous.get(0);
            List<ChainLink.StoredEvent> unlinked = jdbc.query("SELECT " + ChainLink.EVENT_COLUMNS + " FROM domain_event_entry e"
                    + " WHERE NOT EXISTS (SELECT 1 FROM audit_hash_chain c WHERE c.global_index = e.global_index)"
                    + " ORDER BY global_index", (rs, i) -> ChainLink.StoredEvent.read(rs));
            List<Object[]> links = new ArrayList<>();
            long next = position;
            for (ChainLink.StoredEvent event : unlinked) {
                link = ChainLink.next(link, event);
                links.add(new Object[] {next++, event.globalIndex(), link});
            }
            jdbc.batchUpdate("INSERT INTO audit_hash_chain (chain_position, global_index, link_hash) VALUES (?, ?, ?)", links);
        });
    }

    /**
     * Remembers the events from a global index on, the whole chain with its position sequence, and every checkpoint;
     * the returned action puts them all back exactly.
     */
    private Runnable remember(long fromGlobalIndex) {
        List<Map<String, Object>> events = jdbc.queryForList("SELECT * FROM domain_event_entry WHERE global_index >= ?",
                fromGlobalIndex);
        List<Map<String, Object>> links = jdbc.queryForList("SELECT * FROM audit_hash_chain");
        List<Map<String, Object>> checkpoints = jdbc.queryForList("SELECT * FROM audit_checkpoint");
        long chainSequence = jdbc.queryForObject("SELECT last_value FROM audit_hash_chain_chain_position_seq", Long.class);
        return () -> transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index >= ?", fromGlobalIndex);
            insert("domain_event_entry", events);
            jdbc.update("DELETE FROM audit_hash_chain");
            insert("audit_hash_chain", links);
            jdbc.queryForObject("SELECT setval('audit_hash_chain_chain_position_seq', ?)", Long.class, chainSequence);
            jdbc.update("DELETE FROM audit_checkpoint");
            insert("audit_checkpoint", checkpoints);
        });
    }

    private void insert(String table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = List.copyOf(rows.get(0).keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        jdbc.batchUpdate(sql, rows.stream().map(row -> columns.stream().map(row::get).toArray()).toList());
    }
}
