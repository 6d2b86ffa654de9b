package org.dit.command.client;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.client.BlindIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The client lookups in PostgreSQL; the NHS number is looked up by its blind index, never stored in clear. */
@Component
class JdbcClientRegistry implements ClientRegistry {

    private final JdbcTemplate jdbc;
    private final BlindIndex index;

    JdbcClientRegistry(JdbcTemplate jdbc, BlindIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public Standing standing(ClientId clientId) {
        List<Boolean> erased = jdbc.queryForList("SELECT erased FROM cmd_client WHERE client_id = ?", Boolean.class,
                clientId.value());
        if (erased.isEmpty()) {
            return Standing.UNKNOWN;
        }
        return erased.get(0) ? Standing.ERASED : Standing.REGISTERED;
    }

    @Override
    public Optional<ClientId> holderOfNhsNumber(String nhsNumber) {
        return jdbc.queryForList("SELECT client_id FROM cmd_client WHERE nhs_index = ?", UUID.class,
                index.ofNhsNumber(nhsNumber)).stream().findFirst().map(ClientId::new);
    }

    @Override
    public Optional<EpisodeId> openEpisode(ClientId clientId) {
        return jdbc.queryForList("SELECT episode_id FROM cmd_episode_client WHERE client_id = ? AND open", UUID.class,
                clientId.value()).stream().findFirst().map(EpisodeId::new);
    }

    @Override
    public Optional<LocalDate> lastEpisodeEnded(ClientId clientId) {
        return jdbc.queryForList("SELECT max(ended_on) FROM cmd_episode_client WHERE client_id = ?", Date.class,
                clientId.value()).stream().filter(d -> d != null).findFirst().map(Date::toLocalDate);
    }
}
