package org.dit.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checkpoints verify can rely on, in sequence order: the stored ones, paged (constant memory), merged with the
 * copy an auditor kept. A checkpoint whose signature does not verify is reported and left out; so is one that goes
 * back on an earlier one. Missing and rewritten checkpoints are reported: a gap in the stored sequence, a checkpoint in
 * the auditor's copy but not in the database, one that differs from the auditor's copy (the copy is then relied on).
 */
final class CheckpointTrail {

    private static final int PAGE = 1000;

    /** What verify found wrong with the checkpoints or with the log against them; the first hundred are kept. */
    static final class Failures {

        static final int KEPT = 100;

        private final List<ChainVerifier.CheckpointFailure> kept = new ArrayList<>();
        private long count;

        void add(Long sequence, Long globalIndex, String problem) {
            count++;
            if (kept.size() < KEPT) {
                kept.add(new ChainVerifier.CheckpointFailure(sequence, globalIndex, problem));
            }
        }

        boolean none() {
            return count == 0;
        }

        List<ChainVerifier.CheckpointFailure> kept() {
            return List.copyOf(kept);
        }
    }

    private final JdbcTemplate jdbc;
    private final CheckpointKeys keys;
    private final Failures failures;
    private final List<Checkpoint> copy;
    private final Set<Long> copied = new HashSet<>();
    private int copyIndex;
    private final Deque<Checkpoint> stored = new ArrayDeque<>();
    private long storedAfter;
    private boolean storedExhausted;
    private long lastStoredSequence;
    private Checkpoint next;
    private Checkpoint latest;

    CheckpointTrail(JdbcTemplate jdbc, CheckpointKeys keys, List<Checkpoint> auditorCopy, Failures failures) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.failures = failures;
        List<Checkpoint> sorted = new ArrayList<>(auditorCopy);
        sorted.sort(Comparator.comparingLong(Checkpoint::sequence));
        this.copy = new ArrayList<>();
        for (Checkpoint checkpoint : sorted) {
            if (!copied.add(checkpoint.sequence())) {
                Checkpoint first = copy.get(copy.size() - 1);
                if (!same(first, checkpoint)) {
                    failures.add(checkpoint.sequence(), null, "the auditor's copy holds two different checkpoints "
                            + checkpoint.sequence() + ": the first is relied on");
                }
                continue;
            }
            copy.add(checkpoint);
        }
    }

    /** The next checkpoint to rely on, or null when there is none. */
    Checkpoint peek() {
        if (next == null) {
            next = produce();
        }
        return next;
    }

    void advance() {
        peek();
        next = null;
    }

    /** The newest checkpoint relied on so far. */
    Checkpoint latest() {
        return latest;
    }

    private Checkpoint produce() {
        while (true) {
            Checkpoint fromDatabase = peekStored();
            Checkpoint fromCopy = copyIndex < copy.size() ? copy.get(copyIndex) : null;
            if (fromDatabase == null && fromCopy == null) {
                return null;
            }
            Checkpoint candidate;
            if (fromCopy == null || fromDatabase != null && fromDatabase.sequence() < fromCopy.sequence()) {
                takeStored();
                candidate = trusted(fromDatabase, "");
            } else if (fromDatabase == null || fromCopy.sequence() < fromDatabase.sequence()) {
                copyIndex++;
                failures.add(fromCopy.sequence(), null, "checkpoint " + fromCopy.sequence()
                        + " is in the auditor's copy but not in the database: deleted");
                candidate = trusted(fromCopy, "the auditor's copy of ");
            } else {
                takeStored();
                copyIndex++;
                if (same(fromDatabase, fromCopy)) {
                    candidate = trusted(fromDatabase, "");
                } else {
                    failures.add(fromCopy.sequence(), null, "checkpoint " + fromCopy.sequence()
                            + " in the database differs from the auditor's copy: rewritten");
                    candidate = trusted(fromCopy, "the auditor's copy of ");
                    if (candidate == null) {
                        candidate = trusted(fromDatabase, "");
                    }
                }
            }
            if (candidate == null) {
                continue;
            }
            if (latest != null && (candidate.chainPosition() < latest.chainPosition()
                    || candidate.linkedEvents() < latest.linkedEvents()
                    || candidate.coveredGlobalIndex() < latest.coveredGlobalIndex()
                    || candidate.highestGlobalIndex() < latest.highestGlobalIndex())) {
                failures.add(candidate.sequence(), null, "checkpoint " + candidate.sequence() + " goes back on checkpoint "
                        + latest.sequence() + " (an earlier head or coverage): left out");
                continue;
            }
            latest = candidate;
            return candidate;
        }
    }

    private Checkpoint trusted(Checkpoint checkpoint, String whose) {
        return switch (checkpoint.checkWith(keys)) {
            case VALID -> checkpoint;
            case INVALID -> {
                failures.add(checkpoint.sequence(), null, "the signature of " + whose + "checkpoint " + checkpoint.sequence()
                        + " does not verify: altered");
                yield null;
            }
            case UNKNOWN_KEY -> {
                failures.add(checkpoint.sequence(), null, whose + "checkpoint " + checkpoint.sequence() + " is signed with key "
                        + checkpoint.keyId() + ", which this service does not know (an earlier key belongs in "
                        + "dit.audit.checkpoint-public-keys)");
                yield null;
            }
        };
    }

    private Checkpoint peekStored() {
        if (stored.isEmpty() && !storedExhausted) {
            List<Checkpoint> page = jdbc.query("SELECT " + Checkpoint.COLUMNS
                            + " FROM audit_checkpoint WHERE sequence > ? ORDER BY sequence LIMIT ?",
                    (rs, i) -> Checkpoint.read(rs), storedAfter, PAGE);
            if (page.isEmpty()) {
                storedExhausted = true;
            } else {
                stored.addAll(page);
                storedAfter = page.get(page.size() - 1).sequence();
            }
        }
        return stored.peekFirst();
    }

    /** Takes the next stored checkpoint, reporting the sequence numbers missing before it that no copy accounts for. */
    private void takeStored() {
        Checkpoint checkpoint = stored.removeFirst();
        long first = -1;
        long last = -1;
        for (long missing = lastStoredSequence + 1; missing < checkpoint.sequence(); missing++) {
            if (!copied.contains(missing)) {
                first = first < 0 ? missing : first;
                last = missing;
            }
        }
        if (first > 0) {
            failures.add(first, null, (first == last ? "checkpoint " + first + " is" : "checkpoints " + first + " to " + last
                    + " are") + " missing from the database (a gap in the sequence before " + checkpoint.sequence() + "): deleted");
        }
        lastStoredSequence = checkpoint.sequence();
    }

    private static boolean same(Checkpoint a, Checkpoint b) {
        return Arrays.equals(a.signedBytes(), b.signedBytes()) && Arrays.equals(a.signatureBytes(), b.signatureBytes());
    }
}
