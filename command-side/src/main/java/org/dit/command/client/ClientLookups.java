package org.dit.command.client;

import java.sql.Date;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.dit.events.client.BlindIndex;
import org.dit.events.client.ClientDetailsCorrected;
import org.dit.events.client.ClientErased;
import org.dit.events.client.ClientRegistered;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.EpisodeClientLinked;
import org.dit.events.episode.TherapyEnded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the lookups {@link ClientRegistry} reads (cmd_client, cmd_episode_client) from the events. Its processor is a
 * subscribing one whose errors propagate (configured in infra): it runs in the unit of work that publishes the
 * events, right after they are appended and in the same transaction. So the unique keys here (one client per NHS
 * number, one open episode per client) decide between concurrent commands: the loser's transaction rolls back with
 * its events, and its retry meets the winner's row.
 */
@Component
@ProcessingGroup(ClientLookups.PROCESSING_GROUP)
public class ClientLookups {

    public static final String PROCESSING_GROUP = "client-lookups";

    private final JdbcTemplate jdbc;
    private final BlindIndex index;

    ClientLookups(JdbcTemplate jdbc, BlindIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @EventHandler
    void on(ClientRegistered event) {
        jdbc.update("INSERT INTO cmd_client (client_id, nhs_index) VALUES (?, ?)", event.clientId().value(),
                nhsIndex(event.details().nhsNumber()));
    }

    @EventHandler
    void on(ClientDetailsCorrected event) {
        jdbc.update("UPDATE cmd_client SET nhs_index = ? WHERE client_id = ?", nhsIndex(event.details().nhsNumber()),
                event.clientId().value());
    }

    @EventHandler
    void on(ClientErased event) {
        jdbc.update("UPDATE cmd_client SET nhs_index = NULL, erased = TRUE WHERE client_id = ?", event.clientId().value());
    }

    @EventHandler
    void on(ClientReferred event) {
        jdbc.update("INSERT INTO cmd_episode_client (episode_id, client_id, referred_client_id, open) VALUES (?, ?, ?, TRUE)",
                event.episodeId().value(), event.clientId().value(), event.clientId().value());
    }

    @EventHandler
    void on(TherapyEnded event) {
        jdbc.update("UPDATE cmd_episode_client SET open = FALSE, ended_on = ? WHERE episode_id = ?",
                Date.valueOf(event.endedOn()), event.episodeId().value());
    }

    @EventHandler
    void on(EpisodeClientLinked event) {
        jdbc.update("UPDATE cmd_episode_client SET client_id = ?, legacy = FALSE WHERE episode_id = ?", event.clientId().value(),
                event.episodeId().value());
    }

    private byte[] nhsIndex(String nhsNumber) {
        return nhsNumber == null ? null : index.ofNhsNumber(nhsNumber);
    }
}
