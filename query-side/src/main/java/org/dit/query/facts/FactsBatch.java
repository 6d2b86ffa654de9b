package org.dit.query.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
 */
public final class FactsBatch {

    /** Unit-of-work resource: when {@code TRUE} on the current unit of work or a parent, every event is written at once. */
    public static final String PER_EVENT = FactsBatch.class.getName() + ".perEvent";

    private final JdbcTemplate jdbc;
    private final String table;
    private final String upsert;
    private final Function<EpisodeFacts, Object[]> row;
    private final Map<UUID, EpisodeFacts> touched = new LinkedHashMap<>();
    private final Map<UUID, EpisodeFacts> dirty = new LinkedHashMap<>();

    private FactsBatch(JdbcTemplate jdbc, String table, String upsert, Function<EpisodeFacts, Object[]> row) {
        this.jdbc = jdbc;
        this.table = table;
        this.upsert = upsert;
        this.row = row;
    }

    /**
     * Applies the event to the episode's facts in this batch; empty when the event was applied before (a redelivery).
     *
     * @param upsert an INSERT … ON CONFLICT DO UPDATE taking the values {@code row} makes of the facts
     */
    public static Optional<EpisodeFacts> advance(JdbcTemplate jdbc, String table, String upsert,
                                                 Function<EpisodeFacts, Object[]> row, EpisodeEvent event, long sequence) {
        if (!CurrentUnitOfWork.isStarted() || perEvent(CurrentUnitOfWork.get())) {
            FactsBatch direct = new FactsBatch(jdbc, table, upsert, row);
            Optional<EpisodeFacts> advanced = direct.apply(event, sequence);
            direct.flush();
            return advanced;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        FactsBatch batch = unitOfWork.getOrComputeResource(FactsBatch.class.getName() + ":" + table, key -> {
            FactsBatch created = new FactsBatch(jdbc, table, upsert, row);
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
        List<EpisodeFacts> stored = jdbc.query("SELECT episode_id, facts::text FROM " + table
                + " WHERE facts ->> 'clientId' = ?", (rs, n) -> FactsJson.read(rs.getString(2),
                rs.getObject(1, UUID.class)), clientId.toString());
        for (EpisodeFacts facts : stored) {
            EpisodeFacts forgotten = facts.withoutPersonalData();
            if (!forgotten.equals(facts)) {
                jdbc.update("UPDATE " + table + " SET facts = ?::jsonb WHERE episode_id = ?", FactsJson.write(forgotten),
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
        EpisodeFacts before = touched.computeIfAbsent(episodeId,
                id -> FactsJson.load(jdbc, table, id).orElseGet(() -> EpisodeFacts.none(id)));
        EpisodeFacts after = before.apply(event, sequence);
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
