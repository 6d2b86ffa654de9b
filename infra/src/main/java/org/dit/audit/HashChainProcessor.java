package org.dit.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the hash chain over the event log: one segment, so events are linked one after another in the order the
 * log delivers them. A batch of events is linked when the batch commits: one read of the previous link, one read of
 * the batch's stored rows, one batched insert, in the same transaction as the processor's token. The chain is never
 * rebuilt (its rows are append-only), so this processor does not replay; an event already linked is skipped.
 */
@Component
@ProcessingGroup(HashChainProcessor.NAME)
@DisallowReplay
class HashChainProcessor {

    static final String NAME = "audit-chain";

    private final JdbcTemplate jdbc;

    HashChainProcessor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Identified by event id, not by the tracking token: a late-committed event (one that fills a gap below events
     * already processed) arrives with a token whose position is the highest index seen, not its own.
     */
    @EventHandler
    void on(Object event, @MessageIdentifier String eventId) {
        if (!CurrentUnitOfWork.isStarted()) {
            link(List.of(eventId));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<String> pending = unitOfWork.getOrComputeResource(HashChainProcessor.class.getName(), key -> {
            List<String> eventIds = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> link(eventIds));
            return eventIds;
        });
        pending.add(eventId);
    }

    private void link(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        String[] wanted = eventIds.toArray(String[]::new);
        Map<String, ChainLink.StoredEvent> rows = jdbc.query("SELECT " + ChainLink.EVENT_COLUMNS
                        + " FROM domain_event_entry WHERE event_identifier = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", wanted)),
                (rs, i) -> ChainLink.StoredEvent.read(rs)).stream()
                .collect(Collectors.toMap(ChainLink.StoredEvent::eventIdentifier, Function.identity()));
        Long[] indexes = rows.values().stream().map(ChainLink.StoredEvent::globalIndex).toArray(Long[]::new);
        Set<Long> linked = new HashSet<>(jdbc.query("SELECT global_index FROM audit_hash_chain WHERE global_index = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", indexes)), (rs, i) -> rs.getLong(1)));
        List<byte[]> previous = jdbc.queryForList(
                "SELECT link_hash FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1", byte[].class);
        byte[] link = previous.isEmpty() ? null : previous.get(0);
        List<Object[]> inserts = new ArrayList<>();
        for (String eventId : eventIds) {
            ChainLink.StoredEvent row = rows.get(eventId);
            if (row == null) {
                throw new IllegalStateException("event " + eventId + " was delivered but is not in the log");
            }
            if (linked.add(row.globalIndex())) {
                link = ChainLink.next(link, row);
                inserts.add(new Object[] {row.globalIndex(), link});
            }
        }
        jdbc.batchUpdate("INSERT INTO audit_hash_chain (global_index, link_hash) VALUES (?, ?)", inserts);
    }
}
