package org.dit.personaldata;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys (one per client) and index keys, kept in the database wrapped by the master key, and unwrapped in
 * memory for a short while ({@code dit.crypto.key-cache-seconds}). A key is created in a transaction of its own that
 * commits before anything is encrypted under it: a command that rolls back leaves an unused key, never data under a
 * key that was not kept.
 */
public final class KeyStore implements DataKeys {

    private static final int CACHE_ENTRIES = 10_000;

    private final JdbcTemplate jdbc;
    private final MasterKeys master;
    private final TransactionTemplate ownTransaction;
    private final long cacheNanos;
    private final Map<UUID, Cached> dataKeys = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /** An unwrapped data key, or none (null) once destroyed; a destroyed key never comes back, so that is kept. */
    private record Cached(byte[] key, long loadedAt) {
    }

    private record Wrapped(byte[] key, String masterKeyId) {
    }

    KeyStore(JdbcTemplate jdbc, MasterKeys master, PlatformTransactionManager transactions, Duration cacheFor) {
        this.jdbc = jdbc;
        this.master = master;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public byte[] forWriting(UUID clientId) {
        return dataKeyForWriting(clientId);
    }

    @Override
    public Optional<byte[]> find(UUID clientId) {
        return dataKey(clientId);
    }

    /**
     * The client's data key, created when they have none.
     *
     * @throws PersonalDataErased once it was destroyed
     */
    byte[] dataKeyForWriting(UUID clientId) {
        Optional<byte[]> key = dataKey(clientId);
        if (key.isPresent()) {
            return key.get();
        }
        if (destroyed(clientId)) {
            throw new PersonalDataErased(clientId);
        }
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO crypto_data_key (client_id, wrapped_key, master_key_id) VALUES (?, ?, ?)
                ON CONFLICT (client_id) DO NOTHING""",
                clientId, master.wrap(MasterKeys.generate(), dataPurpose(clientId)), master.current().id()));
        forget(clientId);
        return dataKey(clientId).orElseThrow(() -> new PersonalDataErased(clientId));
    }

    /** The client's data key; empty when it was destroyed or never made. */
    Optional<byte[]> dataKey(UUID clientId) {
        Cached cached;
        synchronized (dataKeys) {
            cached = dataKeys.get(clientId);
        }
        if (cached != null && (cached.key() == null || System.nanoTime() - cached.loadedAt() < cacheNanos)) {
            return Optional.ofNullable(cached.key());
        }
        List<Wrapped> rows = jdbc.query("SELECT wrapped_key, master_key_id FROM crypto_data_key WHERE client_id = ?",
                (rs, i) -> new Wrapped(rs.getBytes(1), rs.getString(2)), clientId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Wrapped row = rows.get(0);
        byte[] key = row.key() == null ? null : master.unwrap(row.key(), row.masterKeyId(), dataPurpose(clientId));
        synchronized (dataKeys) {
            dataKeys.put(clientId, new Cached(key, System.nanoTime()));
        }
        return Optional.ofNullable(key);
    }

    /** Destroys the client's data key for good (crypto-shredding); true when there was one to destroy. */
    boolean destroy(UUID clientId) {
        int destroyed = jdbc.update("""
                UPDATE crypto_data_key SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = now()
                 WHERE client_id = ? AND wrapped_key IS NOT NULL""", clientId);
        if (destroyed == 0) {
            // none was ever made: record the destruction, so that none can be made from now on
            destroyed = jdbc.update("""
                    INSERT INTO crypto_data_key (client_id, wrapped_key, master_key_id, destroyed_at) VALUES (?, NULL, NULL, now())
                    ON CONFLICT (client_id) DO NOTHING""", clientId);
        }
        forget(clientId);
        return destroyed > 0;
    }

    /** Drops the cached key, so that the next use reads the table again. */
    void forget(UUID clientId) {
        synchronized (dataKeys) {
            dataKeys.remove(clientId);
        }
    }

    private boolean destroyed(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM crypto_data_key WHERE client_id = ? AND wrapped_key IS NULL)", Boolean.class,
                clientId));
    }

    /** The key of a blind index, created on first use. */
    byte[] indexKey(String purpose) {
        List<Wrapped> rows = indexKeyRows(purpose);
        if (rows.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> jdbc.update("""
                    INSERT INTO crypto_index_key (purpose, wrapped_key, master_key_id) VALUES (?, ?, ?)
                    ON CONFLICT (purpose) DO NOTHING""",
                    purpose, master.wrap(MasterKeys.generate(), indexPurpose(purpose)), master.current().id()));
            rows = indexKeyRows(purpose);
        }
        Wrapped row = rows.get(0);
        return master.unwrap(row.key(), row.masterKeyId(), indexPurpose(purpose));
    }

    private List<Wrapped> indexKeyRows(String purpose) {
        return jdbc.query("SELECT wrapped_key, master_key_id FROM crypto_index_key WHERE purpose = ?",
                (rs, i) -> new Wrapped(rs.getBytes(1), rs.getString(2)), purpose);
    }

    static String dataPurpose(UUID clientId) {
        return "data-key|" + clientId;
    }

    static String indexPurpose(String purpose) {
        return "index-key|" + purpose;
    }
}
