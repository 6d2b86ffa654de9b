package org.dit.audit;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the hash chain over the event log: one segment, so events are linked one after another in the order the
 * log delivers them. The chain is never rebuilt (its rows are append-only), so this processor does not replay.
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
        List<Long> chained = jdbc.queryForList("SELECT global_index FROM audit_hash_chain WHERE global_index = ?", Long.class,
                globalIndex);
        if (!chained.isEmpty()) {
            return;
        }
        List<byte[]> previous = jdbc.queryForList(
                "SELECT link_hash FROM audit_hash_chain ORDER BY chain_position DESC LIMIT 1", byte[].class);
        byte[] link = jdbc.queryForObject("SELECT " + ChainLink.EVENT_COLUMNS + " FROM domain_event_entry WHERE global_index = ?",
                (rs, i) -> ChainLink.next(previous.isEmpty() ? null : previous.get(0), ChainLink.StoredEvent.read(rs)),
                globalIndex);
        jdbc.update("INSERT INTO audit_hash_chain (global_index, link_hash) VALUES (?, ?)", globalIndex, link);
    }
}
