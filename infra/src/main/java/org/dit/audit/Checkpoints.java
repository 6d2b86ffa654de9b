package org.dit.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.dit.query.QueryRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads the signed checkpoints. Writing is serialised across nodes by a transaction-scoped advisory lock, so
 * the sequence has no gaps. Nothing is signed over a chain that does not check out
 * since the previous checkpoint: sealing a tampered log would make the tampering look genuine.
 */
@Component
class Checkpoints {

    /** pg_advisory_xact_lock key of the checkpoint writer ("DITCKP"). */
    private static final long LOCK = 0x4449_5443_4b50L;
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CheckpointKeys keys;
    private final ChainVerifier verifier;
    private final Duration grace;

    Checkpoints(JdbcTemplate jdbc, TransactionTemplate transaction, CheckpointKeys keys, ChainVerifier verifier,
                AuditProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.keys = keys;
        this.verifier = verifier;
        this.grace = properties.checkpointGrace();
    }

    List<Checkpoint> list(long after, int limit) {
        return jdbc.query("SELECT " + Checkpoint.COLUMNS + " FROM audit_checkpoint WHERE sequence > ? ORDER BY sequence LIMIT ?",
                (rs, i) -> Checkpoint.read(rs), after, limit);
    }

    /**
     * Signs the chain's head now. With {@code onlyIfMoved}, nothing (null) when the head is where the latest checkpoint
     * saw it or the chain is empty. Refused (409) without a key, over an empty chain, when the latest checkpoint does
     * not verify, or when the chain since it does not.
     *
     * <p>The chain since the latest checkpoint is checked outside any transaction (after a long pause, or the first time
     * over a large log, that takes longer than a transaction may stay open); the checkpoint is then written in a short
     * transaction under the lock, provided no other node has written one meanwhile (otherwise all over again).
     */
    Checkpoint write(boolean onlyIfMoved) {
        if (!keys.canSign()) {
            throw new QueryRefused(409, "checkpoints-not-configured", "No checkpoint key",
                    "no checkpoint key is configured (dit.audit.checkpoint-key or dit.audit.checkpoint-key-file)");
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Checkpoint previous = latest();
            if (previous != null && previous.checkWith(keys) != CheckpointKeys.Check.VALID) {
                throw new QueryRefused(409, "checkpoint-invalid", "The latest checkpoint does not verify",
                        "checkpoint " + previous.sequence() + " does not verify with the known keys (altered, or signed with a "
                                + "key missing from dit.audit.checkpoint-public-keys): nothing is signed after it");
            }
            List<Head> heads = jdbc.query(
                    "SELECT chain_position, link_hash FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1",
                    (rs, i) -> new Head(rs.getLong(1), rs.getBytes(2)));
            if (heads.isEmpty()) {
                if (onlyIfMoved) {
                    return null;
                }
                throw new QueryRefused(409, "chain-empty", "Nothing to checkpoint", "no event is linked into the hash chain yet");
            }
            Head head = heads.get(0);
            if (onlyIfMoved && previous != null && head.position() <= previous.chainPosition()) {
                return null;
            }
            ChainVerifier.Segment segment = verifier.segment(previous, head.position());
            if (segment.problem() != null) {
                throw new QueryRefused(409, "chain-broken", "The chain does not check out: nothing signed", segment.problem());
            }
            long covered = covered(previous == null ? 0 : previous.coveredGlobalIndex(), head.position(),
                    Instant.now());
            Checkpoint written = transaction.execute(status -> insert(previous, head, segment.linkedEvents(), covered));
            if (written != null) {
                return written;
            }
        }
        throw new QueryRefused(409, "checkpoint-contended", "Checkpoints are being written elsewhere",
                "other nodes kept writing checkpoints meanwhile; try again");
    }

    private record Head(long position, byte[] hash) {
    }

    private Checkpoint latest() {
        List<Checkpoint> latest = jdbc.query("SELECT " + Checkpoint.COLUMNS
                + " FROM audit_checkpoint ORDER BY sequence DESC LIMIT 1", (rs, i) -> Checkpoint.read(rs));
        return latest.isEmpty() ? null : latest.get(0);
    }

    /**
     * Under the lock: null when another checkpoint was written since {@code previous} was read. The time and the highest
     * global index are taken here, together: every event above that index appears in the log after that moment.
     */
    private Checkpoint insert(Checkpoint previous, Head head, long linkedEvents, long covered) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, LOCK);
        Checkpoint latest = latest();
        if ((latest == null ? 0 : latest.sequence()) != (previous == null ? 0 : previous.sequence())) {
            return null;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long highest = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Checkpoint checkpoint = new Checkpoint(previous == null ? 1 : previous.sequence() + 1, now, head.position(), linkedEvents,
                HexFormat.of().formatHex(head.hash()), covered, Math.max(highest, covered), keys.signingKeyId(), "")
                .signedWith(keys);
        jdbc.update("INSERT INTO audit_checkpoint (" + Checkpoint.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checkpoint.sequence(), java.sql.Timestamp.from(checkpoint.createdAt()), checkpoint.chainPosition(),
                checkpoint.linkedEvents(), checkpoint.headHashBytes(), checkpoint.coveredGlobalIndex(),
                checkpoint.highestGlobalIndex(), checkpoint.keyId(), checkpoint.signatureBytes());
        return checkpoint;
    }

    /**
     * The highest global index up to which every event is linked at or before the head, from where the previous
     * checkpoint left off. A hole in the numbering (a transaction that rolled back, or one not yet committed) is passed
     * only once the event after it is older than the grace period: until then the hole may still fill, and its event
     * would be linked after this head.
     */
    private long covered(long from, long headPosition, Instant now) {
        Instant settled = now.minus(grace);
        long covered = from;
        while (true) {
            record Row(long globalIndex, String timestamp, Long chainPosition) {
            }
            List<Row> rows = jdbc.query("""
                    SELECT e.global_index, e.time_stamp, c.chain_position FROM domain_event_entry e
                      LEFT JOIN audit_hash_chain c ON c.global_index = e.global_index
                     WHERE e.global_index > ? ORDER BY e.global_index LIMIT ?""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class)), covered, PAGE);
            if (rows.isEmpty()) {
                return covered;
            }
            for (Row row : rows) {
                if (row.globalIndex() > covered + 1 && !olderThan(row.timestamp(), settled)) {
                    return covered;
                }
                if (row.chainPosition() == null || row.chainPosition() > headPosition) {
                    return covered;
                }
                covered = row.globalIndex();
            }
        }
    }

    private static boolean olderThan(String timestamp, Instant settled) {
        try {
            return Instant.parse(timestamp).isBefore(settled);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
