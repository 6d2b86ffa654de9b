package org.dit.nodes;

import java.sql.Array;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read-model table's rows in key order, comparable between two moments (as in ReplayApiTest). */
final class ReadModelTables {

    static final Map<String, String> TABLES = Map.of(
            "episode_view", "episode_id",
            "caseload_therapist", "therapist_id",
            "caseload_episode", "episode_id",
            "waiting_list_entry", "episode_id",
            "outcome_episode", "episode_id",
            "risk_worklist_episode", "episode_id",
            "therapist_directory", "therapist_id",
            "therapist_directory_episode", "episode_id",
            "client_view", "client_id",
            "client_episode", "episode_id");

    /** Sealed each time it is written, under a fresh nonce: the same details never give the same bytes twice. */
    private static final String RESEALED = "details";

    private ReadModelTables() {
    }

    static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        TABLES.forEach((table, key) -> tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key)
                .stream().map(ReadModelTables::comparable).toList()));
        return tables;
    }

    /** jsonb, arrays and bytes compare by their text form. */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!RESEALED.equals(column)) {
                copy.put(column, value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                        : value instanceof Array || value instanceof PGobject ? value.toString() : value);
            }
        });
        return copy;
    }
}
