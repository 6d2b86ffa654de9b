package org.dit.personaldata;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Master-key rotation: every data key and index key not yet wrapped by the current master key is unwrapped with the
 * one that wrapped it and wrapped again by the current one, in one transaction. The data keys themselves stay the
 * same, so nothing encrypted under them (the log, the read models) changes. With a generated key file a new master
 * key is made first and the old one dropped after; a configured key is changed by its operator before (see
 * {@link MasterKeySource}).
 */
public final class KeyRotation {

    private static final int PAGE = 1000;
    /** A long rotation may outlive the 15 s statement and 25 s transaction bounds: lifted for its own transaction only. */
    private static final String LIFT_TIMEOUTS = """
            DO $$ BEGIN PERFORM set_config('statement_timeout', '0', true);
            IF current_setting('server_version_num')::int >= 170000 THEN
            PERFORM set_config('transaction_timeout', '0', true); END IF; END $$""";

    private final MasterKeySource source;
    private final MasterKeys master;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    KeyRotation(MasterKeySource source, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.source = source;
        this.master = source.keys();
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param masterKeyId          the master key every key is now wrapped by
     * @param dataKeysRewrapped    data keys moved to it by this rotation
     * @param indexKeysRewrapped   index keys moved to it
     * @param underOtherMasterKeys keys still wrapped by another master key (written meanwhile by a node that has not
     *                             got the new key yet: rotate again once every node has it)
     */
    public record Rotation(String masterKeyId, int dataKeysRewrapped, int indexKeysRewrapped, long underOtherMasterKeys) {
    }

    private record Wrapped(String id, byte[] key, String masterKeyId) {
    }

    public synchronized Rotation rotate() {
        source.beginRotation();
        String current = master.current().id();
        int[] moved = transaction.execute(status -> {
            jdbc.execute(LIFT_TIMEOUTS);
            return new int[] {rewrapDataKeys(current), rewrapIndexKeys(current)};
        });
        source.finishRotation();
        Long others = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM crypto_data_key WHERE wrapped_key IS NOT NULL AND master_key_id <> ?)
                     + (SELECT count(*) FROM crypto_index_key WHERE master_key_id <> ?)""", Long.class, current, current);
        return new Rotation(current, moved[0], moved[1], others == null ? 0 : others);
    }

    private int rewrapDataKeys(String current) {
        int moved = 0;
        UUID after = new UUID(0L, 0L);
        while (true) {
            List<Wrapped> page = jdbc.query("""
                    SELECT client_id, wrapped_key, master_key_id FROM crypto_data_key
                     WHERE wrapped_key IS NOT NULL AND master_key_id <> ? AND client_id > ?
                     ORDER BY client_id LIMIT ? FOR UPDATE""",
                    (rs, i) -> new Wrapped(rs.getString(1), rs.getBytes(2), rs.getString(3)), current, after, PAGE);
            if (page.isEmpty()) {
                return moved;
            }
            List<Object[]> updates = page.stream().map(row -> {
                String purpose = KeyStore.dataPurpose(UUID.fromString(row.id()));
                byte[] key = master.unwrap(row.key(), row.masterKeyId(), purpose);
                return new Object[] {master.wrap(key, purpose), current, UUID.fromString(row.id())};
            }).toList();
            jdbc.batchUpdate("UPDATE crypto_data_key SET wrapped_key = ?, master_key_id = ? WHERE client_id = ?", updates);
            moved += page.size();
            after = UUID.fromString(page.get(page.size() - 1).id());
        }
    }

    private int rewrapIndexKeys(String current) {
        List<Wrapped> rows = jdbc.query("""
                SELECT purpose, wrapped_key, master_key_id FROM crypto_index_key WHERE master_key_id <> ? FOR UPDATE""",
                (rs, i) -> new Wrapped(rs.getString(1), rs.getBytes(2), rs.getString(3)), current);
        for (Wrapped row : rows) {
            String purpose = KeyStore.indexPurpose(row.id());
            byte[] key = master.unwrap(row.key(), row.masterKeyId(), purpose);
            jdbc.update("UPDATE crypto_index_key SET wrapped_key = ?, master_key_id = ? WHERE purpose = ?",
                    master.wrap(key, purpose), current, row.id());
        }
        return rows.size();
    }

    /** The master keys the database's keys are wrapped by that this node does not know; empty when all is well. */
    List<String> unknownMasterKeys() {
        List<String> used = jdbc.queryForList("""
                SELECT master_key_id FROM crypto_data_key WHERE master_key_id IS NOT NULL
                 UNION SELECT master_key_id FROM crypto_index_key""", String.class);
        return used.stream().filter(id -> !master.knows(id)).toList();
    }
}
