package org.dit.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the stored events, page by page (constant memory), and reports the first global
 * index where the log no longer matches: an edited, deleted, moved or inserted event. Then holds the chain against the
 * signed checkpoints, which the database cannot forge: a chain recomputed after an edit, the newest events deleted
 * with their links, an event slipped into a hole or backdated, a rebuilt chain, an altered or deleted checkpoint.
 */
@Component
class ChainVerifier {

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final CheckpointKeys keys;
    private final Duration grace;

    ChainVerifier(JdbcTemplate jdbc, CheckpointKeys keys, AuditProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.grace = properties.checkpointGrace();
    }

    /**
     * @param verifiedEvents         links recomputed from their events before the first that does not match
     * @param firstBrokenGlobalIndex where the events and the chain first disagree (null when they agree)
     * @param headHash               the last link verified
     * @param checkpoints            checkpoints whose signature verifies and whose head the chain holds
     * @param checkpointsIntact      every signature verifies and the chain agrees with every checkpoint; null when no key
     *                               is known to verify them with
     * @param latestCheckpoint       the newest checkpoint relied on
     * @param uncheckpointedEvents   events in the log beyond the latest checkpoint's head
     * @param checkpointFailures     what is wrong with the checkpoints, or with the log against them (the first hundred)
     * @param note                   what the answer cannot vouch for
     */
    record Verification(long verifiedEvents,
                        @Schema(nullable = true, description = "null when the chain is intact") Long firstBrokenGlobalIndex,
                        @Schema(nullable = true, description = "null when no link verifies") String headHash,
                        long checkpoints,
                        @Schema(nullable = true, description = "null when no key is known to verify them with")
                        Boolean checkpointsIntact,
                        @Schema(nullable = true, description = "null when there is none") Checkpoint latestCheckpoint,
                        long uncheckpointedEvents, List<CheckpointFailure> checkpointFailures, String note) {
    }

    /** One finding against the checkpoints: which checkpoint, which event if one, and what. */
    record CheckpointFailure(Long sequence,
                             @Schema(nullable = true, description = "null when no one event is at fault") Long globalIndex,
                             String problem) {
    }

    /** The chain from a checkpoint's head on, as the checkpoint writer checks it before signing. */
    record Segment(long linkedEvents, byte[] headHash, String problem) {
    }

    private record Link(long chainPosition, long globalIndex, byte[] hash) {
    }

    Verification verify() {
        return verify(List.of());
    }

    /** Verifies the log against the stored checkpoints and an auditor's copy of them (possibly empty). */
    Verification verify(List<Checkpoint> auditorCopy) {
        CheckpointTrail.Failures failures = new CheckpointTrail.Failures();
        CheckpointTrail trail = new CheckpointTrail(jdbc, keys, auditorCopy, failures);
        byte[] previous = null;
        long verified = 0;
        Long broken = null;
        long walked = 0;
        long matched = 0;
        long after = 0;
        Checkpoint passed = null;
        while (true) {
            List<Link> links = links(after, Long.MAX_VALUE);
            if (links.isEmpty()) {
                break;
            }
            Map<Long, ChainLink.StoredEvent> rows = events(links);
            for (Link link : links) {
                while (trail.peek() != null && trail.peek().chainPosition() < link.chainPosition()) {
                    Checkpoint skipped = trail.peek();
                    failures.add(skipped.sequence(), null, "the chain has no link at position " + skipped.chainPosition()
                            + ", where checkpoint " + skipped.sequence() + " saw its head: the chain was rebuilt or renumbered");
                    passed = skipped;
                    trail.advance();
                }
                walked++;
                ChainLink.StoredEvent row = rows.get(link.globalIndex());
                if (broken == null) {
                    byte[] expected = row == null ? null : ChainLink.next(previous, row);
                    if (expected == null || !Arrays.equals(expected, link.hash())) {
                        broken = link.globalIndex();
                    } else {
                        previous = link.hash();
                        verified++;
                    }
                }
                if (passed != null) {
                    String problem = afterCheckpoint(passed, link.globalIndex(), row);
                    if (problem != null) {
                        failures.add(passed.sequence(), link.globalIndex(), problem);
                    }
                }
                while (trail.peek() != null && trail.peek().chainPosition() == link.chainPosition()) {
                    Checkpoint checkpoint = trail.peek();
                    if (Arrays.equals(link.hash(), checkpoint.headHashBytes()) && walked == checkpoint.linkedEvents()) {
                        matched++;
                    } else {
                        failures.add(checkpoint.sequence(), link.globalIndex(), "the chain at position " + link.chainPosition()
                                + " (" + walked + " links) is not the head checkpoint " + checkpoint.sequence() + " signed ("
                                + checkpoint.linkedEvents() + " links): events up to global index "
                                + checkpoint.coveredGlobalIndex() + " were edited, inserted or deleted and the chain recomputed");
                    }
                    passed = checkpoint;
                    trail.advance();
                }
            }
            after = links.get(links.size() - 1).chainPosition();
        }
        while (trail.peek() != null) {
            Checkpoint beyond = trail.peek();
            failures.add(beyond.sequence(), null, "the chain ends after " + walked + " links, before the head checkpoint "
                    + beyond.sequence() + " signed at position " + beyond.chainPosition() + " (" + beyond.linkedEvents()
                    + " links): the newest links were deleted, or the chain truncated");
            passed = beyond;
            trail.advance();
        }
        if (passed != null) {
            Long unlinked = jdbc.queryForObject("""
                    SELECT min(e.global_index) FROM domain_event_entry e WHERE e.global_index <= ?
                       AND NOT EXISTS (SELECT 1 FROM audit_hash_chain c WHERE c.global_index = e.global_index)""",
                    Long.class, passed.coveredGlobalIndex());
            if (unlinked != null) {
                failures.add(passed.sequence(), unlinked, "event " + unlinked + " is not in the chain, yet checkpoint "
                        + passed.sequence() + " covers every event up to global index " + passed.coveredGlobalIndex()
                        + ": it was put into the log after the checkpoint");
            }
        }
        if (broken == null) {
            broken = jdbc.queryForObject("""
                    SELECT min(e.global_index) FROM domain_event_entry e
                     WHERE e.global_index <= (SELECT coalesce(max(global_index), 0) FROM audit_hash_chain)
                       AND NOT EXISTS (SELECT 1 FROM audit_hash_chain c WHERE c.global_index = e.global_index)""", Long.class);
        }
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        Checkpoint latest = trail.latest();
        long uncheckpointed = latest == null ? events : Math.max(0, events - latest.linkedEvents());
        Boolean intact = keys.canVerify() ? failures.none() : null;
        return new Verification(verified, broken, hex(previous), matched, intact, latest, uncheckpointed, failures.kept(),
                note(latest, uncheckpointed, !auditorCopy.isEmpty()));
    }

    /**
     * Checks the chain from a checkpoint's head (from the start without one) up to a chain position: the link at the
     * checkpoint's position still holds its head, every later link matches its event, and none is an event the
     * checkpoint covered or one dated before it that was not in the log then.
     */
    Segment segment(Checkpoint from, long upTo) {
        byte[] previous = null;
        long count = 0;
        long after = 0;
        if (from != null) {
            List<byte[]> head = jdbc.queryForList("SELECT link_hash FROM audit_hash_chain WHERE chain_position = ?", byte[].class,
                    from.chainPosition());
            if (head.isEmpty() || !Arrays.equals(head.get(0), from.headHashBytes())) {
                return new Segment(0, null, "the chain no longer holds the head of checkpoint " + from.sequence() + " at position "
                        + from.chainPosition());
            }
            previous = from.headHashBytes();
            count = from.linkedEvents();
            after = from.chainPosition();
        }
        while (true) {
            List<Link> links = links(after, upTo);
            if (links.isEmpty()) {
                return new Segment(count, previous, null);
            }
            Map<Long, ChainLink.StoredEvent> rows = events(links);
            for (Link link : links) {
                ChainLink.StoredEvent row = rows.get(link.globalIndex());
                byte[] expected = row == null ? null : ChainLink.next(previous, row);
                if (expected == null || !Arrays.equals(expected, link.hash())) {
                    return new Segment(count, previous, "the chain and the log disagree at global index " + link.globalIndex());
                }
                String problem = from == null ? null : afterCheckpoint(from, link.globalIndex(), row);
                if (problem != null) {
                    return new Segment(count, previous, problem);
                }
                previous = link.hash();
                count++;
            }
            after = links.get(links.size() - 1).chainPosition();
        }
    }

    /** What is wrong with an event linked after a checkpoint's head, or null. */
    private String afterCheckpoint(Checkpoint checkpoint, long globalIndex, ChainLink.StoredEvent row) {
        if (globalIndex <= checkpoint.coveredGlobalIndex()) {
            return "event " + globalIndex + " is linked after checkpoint " + checkpoint.sequence() + ", which covers every event "
                    + "up to global index " + checkpoint.coveredGlobalIndex() + ": it was put into the log after the checkpoint";
        }
        if (row != null && globalIndex > checkpoint.highestGlobalIndex()) {
            Instant dated = instant(row.timestamp());
            if (dated != null && dated.isBefore(checkpoint.createdAt().minus(grace))) {
                return "event " + globalIndex + " is dated " + dated + ", before checkpoint " + checkpoint.sequence() + " was made ("
                        + checkpoint.createdAt() + "), yet the log did not hold it then: backdated";
            }
        }
        return null;
    }

    private List<Link> links(long after, long upTo) {
        return jdbc.query("""
                SELECT chain_position, global_index, link_hash FROM audit_hash_chain
                 WHERE chain_position > ? AND chain_position <= ? ORDER BY chain_position LIMIT ?""",
                (rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBytes(3)), after, upTo, PAGE);
    }

    private Map<Long, ChainLink.StoredEvent> events(List<Link> links) {
        Long[] indexes = links.stream().map(Link::globalIndex).toArray(Long[]::new);
        return jdbc.query("SELECT " + ChainLink.EVENT_COLUMNS + " FROM domain_event_entry WHERE global_index = ANY (?)",
                        ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", indexes)),
                        (rs, i) -> ChainLink.StoredEvent.read(rs)).stream()
                .collect(Collectors.toMap(ChainLink.StoredEvent::globalIndex, Function.identity()));
    }

    private String note(Checkpoint latest, long uncheckpointed, boolean againstCopy) {
        StringBuilder note = new StringBuilder();
        if (!keys.canVerify()) {
            note.append("No checkpoint key is configured: checkpoints are neither written nor verified, and the hash chain "
                    + "vouches only for itself. ");
        } else if (latest == null) {
            note.append("There is no checkpoint yet: the hash chain vouches only for itself. ");
        }
        if (uncheckpointed > 0) {
            note.append(uncheckpointed).append(latest == null ? " events are" : " events are after the latest checkpoint and")
                    .append(" vouched for by the hash chain alone: an edit among them that leaves the chain as it was is found "
                            + "(firstBrokenGlobalIndex), but not one that also recomputes the chain, deletes the newest events "
                            + "with their links or adds an event dated now. The next checkpoint signs the log as it is then: such "
                            + "a change made before it is never detected, one made after it is. ");
        }
        if (!againstCopy) {
            note.append("Checkpoints deleted from the newest end are detected only against a copy kept elsewhere: "
                    + "POST it to /api/audit/verify.");
        }
        return note.toString().strip();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }
}
