package org.dit.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store directly, to check what a request appended (or that it appended nothing). */
public final class EventLog {

    private final JdbcTemplate jdbc;

    public EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long size() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    public List<String> typesOf(String aggregateId) {
        return jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]+$') FROM domain_event_entry
                 WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, aggregateId);
    }

    public long countOfType(String simpleType) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%." + simpleType);
        return count == null ? 0 : count;
    }
}
