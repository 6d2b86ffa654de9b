package org.dit.query.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.dit.events.episode.EpisodeEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The episode facts a projection touches in one batch of events, kept in memory and written once per episode when the
 * batch commits (in the same transaction as the processor's token). A replay thus costs one read and one write per
 * episode and batch instead of per event. Outside a unit of work (a direct call) each change is written at once, and
 * so it is when the unit of work carries {@link #PER_EVENT}: a write that fails at commit time cannot be traced to one
 * event, so a batch that failed is retried with each event's write inside its own handler call, where a failure is the
 * event's own (see the dead-letter configuration in infra).
 * <p>
 * The read models that keep facts share one processor, and so one unit of work per batch: what they have in common
 * is done once per batch ({@link Shared}). One query reads an episode's stored facts from every facts table, a stored
 * text is parsed once, folding the same facts with the same event gives the same object, and that object is written
 * as JSON once. Each table still starts from its own stored facts: tables that differ (a read model being rebuilt
 * alone, or holding a parked event) simply share nothing.
 */
public final class FactsBatch {

    /** Every facts table this service has written to: the ones the shared read covers. */
    private static final Set<String> TABLES = ConcurrentHashMap.newKeySet();

    /** Unit-of-work resource: when {@code TRUE} on the current unit of work or a parent, every event is written at once. */
    public static final String PER_EVENT = FactsBatch.class.getName() + ".perEvent";

    private final JdbcTemplate jdbc;
    private final String table;
    private final String upsert;
    private final Function<EpisodeFacts, Object[]> row;
    private final Map<UUID, EpisodeFacts> touched = new LinkedHashMap<>();
    private final Map<UUID, EpisodeFacts> dirty = new LinkedHashMap<>();
    /** Null outside a unit of work, and when each event is written at once. */
    private final Shared shared;

    private FactsBatch(JdbcTemplate jdbc, String table, String upsert, Function<EpisodeFacts, Object[]> row, Shared shared) {
        this.jdbc = jdbc;
        this.table = table;
        this.upsert = upsert;
        this.row = row;
        this.shared = shared;
    }

    /** What the facts tables' batches of one unit of work share. */
    private static final class Shared {
        private static final String KEY = Shared.class.getName();

        /** Per episode, the stored text of each facts table that has a row, as read at the first need in this batch. */
        final Map<UUID, Map<String, String>> stored = new HashMap<>();
        /** Per episode, the facts tables that the read covered (a table first written after it is read on its own). */
        final Map<UUID, Set<String>> covered = new HashMap<>();
        final Map<String, EpisodeFacts> parsed = new HashMap<>();
        final Map<UUID, EpisodeFacts> none = new HashMap<>();
        /** Facts (by identity) and the sequence of the event applied to them: the facts after it. */
        final Map<EpisodeFacts, Map<Long, EpisodeFacts>> folded = new IdentityHashMap<>();
        final Map<EpisodeFacts, String> json = new IdentityHashMap<>();

        static Shared of(UnitOfWork<?> root) {
            return root.getOrComputeResource(KEY, key -> new Shared());
        }

        EpisodeFacts load(JdbcTemplate jdbc, String table, UUID episodeId) {
            if (!covered.getOrDefault(episodeId, Set.of()).contains(table)) {
                readAll(jdbc, episodeId);
            }
            String text = stored.get(episodeId).get(table);
            return text == null ? none.computeIfAbsent(episodeId, EpisodeFacts::none)
                    : parsed.computeIfAbsent(text, t -> FactsJson.read(t, episodeId));
        }

        /** One statement for every facts table. */
        private void readAll(JdbcTemplate jdbc, UUID episodeId) {
            List<String> tables = List.copyOf(TABLES);
            String sql = tables.stream().map(t -> "SELECT '" + t + "', facts FROM " + t + " WHERE episode_id = ?")
                    .collect(Collectors.joining(" UNION ALL "));
            Map<String, String> texts = new HashMap<>();
            jdbc.query(sql, rs -> {
                texts.put(rs.getString(1), rs.getString(2));
            }, tables.stream().map(t -> episodeId).toArray());
            stored.put(episodeId, texts);
            covered.put(episodeId, Set.copyOf(tables));
        }

        EpisodeFacts fold(EpisodeFacts before, EpisodeEvent event, long sequence) {
            return folded.computeIfAbsent(before, f -> new HashMap<>())
                    .computeIfAbsent(sequence, q -> before.apply(event, sequence));
        }
    }

    /** The stored form of these facts, written once per batch however many tables store them. */
    static String json(EpisodeFacts facts, Function<EpisodeFacts, String> write) {
        if (CurrentUnitOfWork.isStarted()) {
            Shared shared = CurrentUnitOfWork.get().root().getResource(Shared.KEY);
            if (shared != null) {
                return shared.json.computeIfAbsent(facts, write);
            }
        }
        return write.apply(facts);
    }

    /**
     * Applies the event to the episode's facts in this batch; empty when the event was applied before (a redelivery).
     *
     * @param upsert an INSERT … ON CONFLICT DO UPDATE taking the values {@code row} makes of the facts
     */
    public static Optional<EpisodeFacts> advance(JdbcTemplate jdbc, String table, String upsert,
                                                 Function<EpisodeFacts, Object[]> row, EpisodeEvent event, long sequence) {
        TABLES.add(table);
        if (!CurrentUnitOfWork.isStarted() || perEvent(CurrentUnitOfWork.get())) {
            FactsBatch direct = new FactsBatch(jdbc, table, upsert, row, null);
            Optional<EpisodeFacts> advanced = direct.apply(event, sequence);
            direct.flush();
            return advanced;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Shared shared = Shared.of(unitOfWork);
        FactsBatch batch = unitOfWork.getOrComputeResource(FactsBatch.class.getName() + ":" + table, key -> {
            FactsBatch created = new FactsBatch(jdbc, table, upsert, row, shared);
            unitOfWork.onPrepareCommit(u -> created.flush());
            return created;
        });
        return batch.apply(event, sequence);
    }

    /**
     * Forgets what the facts of the client's episodes hold of their personal data ({@link EpisodeFacts#withoutPersonalData},
     * the one definition of it), once the client was erased: in the table, and in the facts this batch holds, which
     * would otherwise be written back at its commit.
     */
    public static void forgetClient(JdbcTemplate jdbc, String table, UUID clientId) {
        if (CurrentUnitOfWork.isStarted()) {
            Shared shared = CurrentUnitOfWork.get().root().getResource(Shared.KEY);
            if (shared != null) {
                // texts read before the erasure would bring the personal data back into a table not loaded yet
                shared.stored.clear();
                shared.covered.clear();
            }
            FactsBatch batch = CurrentUnitOfWork.get().root().getResource(FactsBatch.class.getName() + ":" + table);
            if (batch != null) {
                batch.touched.replaceAll((episodeId, facts) -> {
                    if (!clientId.equals(facts.clientId())) {
                        return facts;
                    }
                    EpisodeFacts forgotten = facts.withoutPersonalData();
                    if (!forgotten.equals(facts)) {
                        batch.dirty.put(episodeId, forgotten);
                    }
                    return forgotten;
                });
            }
        }
        List<EpisodeFacts> stored = jdbc.query("SELECT episode_id, facts FROM " + table + " WHERE client_id = ?",
                (rs, n) -> FactsJson.read(rs.getString(2), rs.getObject(1, UUID.class)), clientId);
        for (EpisodeFacts facts : stored) {
            EpisodeFacts forgotten = facts.withoutPersonalData();
            if (!forgotten.equals(facts)) {
                jdbc.update("UPDATE " + table + " SET facts = ? WHERE episode_id = ?", FactsJson.write(forgotten),
                        facts.episodeId());
            }
        }
    }

    private static boolean perEvent(UnitOfWork<?> unitOfWork) {
        for (UnitOfWork<?> u = unitOfWork; u != null; u = u.parent().orElse(null)) {
            if (Boolean.TRUE.equals(u.getResource(PER_EVENT))) {
                return true;
            }
        }
        return false;
    }

    private Optional<EpisodeFacts> apply(EpisodeEvent event, long sequence) {
        UUID episodeId = event.episodeId().value();
        EpisodeFacts before = touched.computeIfAbsent(episodeId, id -> shared != null ? shared.load(jdbc, table, id)
                : FactsJson.load(jdbc, table, id).orElseGet(() -> EpisodeFacts.none(id)));
        EpisodeFacts after = shared != null ? shared.fold(before, event, sequence) : before.apply(event, sequence);
        if (after == before) {
            return Optional.empty();
        }
        touched.put(episodeId, after);
        dirty.put(episodeId, after);
        return Optional.of(after);
    }

    private void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(dirty.size());
        dirty.values().forEach(facts -> rows.add(row.apply(facts)));
        if (rows.size() == 1) {
            jdbc.update(upsert, rows.get(0));
        } else {
            jdbc.batchUpdate(upsert, rows);
        }
        dirty.clear();
    }
}
