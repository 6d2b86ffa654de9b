package org.dit.personaldata;

import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.dit.command.client.ClientLookups;
import org.dit.events.client.ClientErased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Crypto-shredding: when a client is erased, their data key is destroyed, and with it the keys of the client ids
 * their linked episodes were first referred under. It runs with the command side's lookups (a subscribing processor
 * whose errors propagate), so the keys go in the transaction that appends ClientErased, or the erasure fails whole.
 */
@Component
@ProcessingGroup(ClientLookups.PROCESSING_GROUP)
class KeyShredder {

    private final KeyStore keys;
    private final JdbcTemplate jdbc;

    KeyShredder(KeyStore keys, JdbcTemplate jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientErased event) {
        UUID clientId = event.clientId().value();
        keys.destroy(clientId);
        List<UUID> referredAs = jdbc.queryForList("""
                SELECT DISTINCT referred_client_id FROM cmd_episode_client
                 WHERE client_id = ? AND referred_client_id <> client_id""", UUID.class, clientId);
        referredAs.forEach(keys::destroy);
    }
}
