package org.dit.eventstore;

import java.util.Objects;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregate cache of one node among several that share the log: another node may have appended to an aggregate
 * since this node cached it. An entry is used only while it is as new as the stored stream (one lookup on the
 * stream's unique key, in the command's transaction); otherwise the aggregate is loaded from the log. A decision on a
 * stale copy that appends already conflicts and is retried, but a refusal appends nothing: without this check a node
 * could refuse a command for a state the episode has left on another node.
 */
class CurrentAggregateCache extends WeakReferenceCache {

    private final JdbcTemplate jdbc;

    CurrentAggregateCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key, entry)) {
            remove(key);
            return null;
        }
        return value;
    }

    private boolean isCurrent(Object aggregateId, AggregateCacheEntry<?> entry) {
        // an in-memory cache holds the entry that was put, which keeps its aggregate: no arguments are needed to get it
        Long cached = entry.recreateAggregate(null, null, null, null).version();
        Long stored = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregateId.toString());
        return Objects.equals(cached, stored);
    }
}
