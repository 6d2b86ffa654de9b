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
import org.axonframework.eventhandling.TrackingToken;
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

    @EventHandler
    void on(Object event, TrackingToken token) {
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException("event without a log position"));
        if (!CurrentUnitOfWork.isStarted()) {
            link(List.of(globalIndex));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Long> pending = unitOfWork.getOrComputeResource(HashChainProcessor.class.getName(), key -> {
            List<Long> indexes = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> link(indexes));
            return indexes;
        });
        pending.add(globalIndex);
    }

    private void link(List<Long> indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        Long[] wanted = indexes.toArray(Long[]::new);
        Set<Long> linked = new HashSet<>(jdbc.query("SELECT global_index FROM audit_hash_chain WHERE global_index = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", wanted)), (rs, i) -> rs.getLong(1)));
        Map<Long, ChainLink.StoredEvent> rows = jdbc.query("SELECT " + ChainLink.EVENT_COLUMNS
                        + " FROM domain_event_entry WHERE global_index = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", wanted)),
                (rs, i) -> ChainLink.StoredEvent.read(rs)).stream()
                .collect(Collectors.toMap(ChainLink.StoredEvent::globalIndex, Function.identity()));
        List<byte[]> previous = jdbc.queryForList(
                "SELECT link_hash FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1", byte[].class);
        byte[] link = previous.isEmpty() ? null : previous.get(0);
        List<Object[]> inserts = new ArrayList<>();
        for (Long index : indexes) {
            if (linked.add(index)) {
                ChainLink.StoredEvent row = rows.get(index);
                if (row == null) {
                    throw new IllegalStateException("event " + index + " was delivered but is not in the log");
                }
                link = ChainLink.next(link, row);
                inserts.add(new Object[] {index, link});
            }
        }
        jdbc.batchUpdate("INSERT INTO audit_hash_chain (global_index, link_hash) VALUES (?, ?)", inserts);
    }
}
