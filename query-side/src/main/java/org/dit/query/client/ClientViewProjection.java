package org.dit.query.client;

import java.io.IOException;
import java.sql.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.client.BlindIndex;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.ClientDetailsCorrected;
import org.dit.events.client.ClientErased;
import org.dit.events.client.ClientRegistered;
import org.dit.events.client.NhsNumber;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeClientLinked;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The client read model: clients (details sealed under their own data key, and the blind indexes they are found by)
 * and, apart from them, which episodes name which client. The two tables are written independently because a
 * client's events and their episodes' events may reach the processor's segments in either order. Redelivered
 * events change nothing (each row remembers the last sequence applied); writes join the processor's transaction.
 */
@Component
@ProcessingGroup(ClientViewProjection.NAME)
class ClientViewProjection {

    static final String NAME = "client-view";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JdbcTemplate jdbc;
    private final BlindIndex index;
    private final ClientDetailsVault vault;

    ClientViewProjection(JdbcTemplate jdbc, BlindIndex index, ClientDetailsVault vault) {
        this.jdbc = jdbc;
        this.index = index;
        this.vault = vault;
    }

    @EventHandler
    void on(ClientRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID clientId = event.clientId().value();
        jdbc.update("""
                INSERT INTO client_view (client_id, status, details, nhs_index, name_dob_index, registered_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO NOTHING""",
                clientId, ClientStatus.REGISTERED.name(), seal(clientId, event.details()), nhsIndex(event.details()),
                nameIndex(event.details()), java.sql.Timestamp.from(at), sequence);
    }

    @EventHandler
    void on(ClientDetailsCorrected event, @SequenceNumber long sequence) {
        UUID clientId = event.clientId().value();
        jdbc.update("""
                UPDATE client_view SET details = ?, nhs_index = ?, name_dob_index = ?, last_sequence = ?
                 WHERE client_id = ? AND last_sequence < ?""",
                seal(clientId, event.details()), nhsIndex(event.details()), nameIndex(event.details()), sequence, clientId,
                sequence);
    }

    @EventHandler
    void on(ClientErased event, @SequenceNumber long sequence) {
        jdbc.update("""
                UPDATE client_view SET status = ?, details = NULL, nhs_index = NULL, name_dob_index = NULL, last_sequence = ?
                 WHERE client_id = ? AND last_sequence < ?""",
                ClientStatus.FORGOTTEN.name(), sequence, event.clientId().value(), sequence);
    }

    @EventHandler
    void on(ClientReferred event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO client_episode (episode_id, client_id, status, referred_on, last_sequence) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (episode_id) DO NOTHING""",
                event.episodeId().value(), event.clientId().value(), EpisodeStatus.REFERRED.name(),
                Date.valueOf(event.referredOn()), sequence);
    }

    @EventHandler
    void on(ClientWaitlisted event, @SequenceNumber long sequence) {
        updateEpisode(event.episodeId().value(), sequence, "status = ?", EpisodeStatus.WAITING.name());
    }

    @EventHandler
    void on(TherapistAllocated event, @SequenceNumber long sequence) {
        updateEpisode(event.episodeId().value(), sequence, "status = ?, therapist_id = ?", EpisodeStatus.IN_THERAPY.name(),
                event.therapistId().value());
    }

    @EventHandler
    void on(TherapyEnded event, @SequenceNumber long sequence) {
        updateEpisode(event.episodeId().value(), sequence, "status = ?, ended_on = ?, end_reason = ?",
                EpisodeStatus.ENDED.name(), Date.valueOf(event.endedOn()), event.reason().name());
    }

    @EventHandler
    void on(EpisodeClientLinked event, @SequenceNumber long sequence) {
        updateEpisode(event.episodeId().value(), sequence, "client_id = ?", event.clientId().value());
    }

    private void updateEpisode(UUID episodeId, long sequence, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sequence;
        arguments[values.length + 1] = episodeId;
        arguments[values.length + 2] = sequence;
        jdbc.update("UPDATE client_episode SET " + assignments + ", last_sequence = ? WHERE episode_id = ? AND last_sequence < ?",
                arguments);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM client_view");
        jdbc.update("DELETE FROM client_episode");
    }

    @QueryHandler
    Optional<ClientView> handle(FindClient query) {
        List<ClientView.Episode> episodes = jdbc.query("""
                SELECT episode_id, status, referred_on, therapist_id, ended_on, end_reason FROM client_episode
                 WHERE client_id = ? ORDER BY referred_on, episode_id""",
                (rs, i) -> new ClientView.Episode(rs.getObject("episode_id", UUID.class),
                        EpisodeStatus.valueOf(rs.getString("status")), rs.getDate("referred_on").toLocalDate(),
                        rs.getObject("therapist_id", UUID.class),
                        rs.getDate("ended_on") == null ? null : rs.getDate("ended_on").toLocalDate(),
                        rs.getString("end_reason") == null ? null : EndReason.valueOf(rs.getString("end_reason"))),
                query.clientId());
        List<ClientView> clients = jdbc.query("SELECT status, details, registered_at FROM client_view WHERE client_id = ?",
                (rs, i) -> {
                    ClientStatus status = ClientStatus.valueOf(rs.getString("status"));
                    return ClientView.of(query.clientId(), status, open(query.clientId(), rs.getBytes("details")),
                            rs.getTimestamp("registered_at").toInstant(), episodes);
                }, query.clientId());
        if (!clients.isEmpty()) {
            return Optional.of(clients.get(0));
        }
        return episodes.isEmpty() ? Optional.empty()
                : Optional.of(ClientView.of(query.clientId(), ClientStatus.UNREGISTERED, null, null, episodes));
    }

    @QueryHandler
    ClientLabels handle(FindClientLabels query) {
        if (query.clientIds().isEmpty()) {
            return new ClientLabels(Map.of());
        }
        Map<UUID, ClientLabel> labels = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT client_id, details FROM client_view WHERE client_id = ANY(?) AND details IS NOT NULL");
            statement.setArray(1, connection.createArrayOf("uuid", query.clientIds().toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> {
            UUID clientId = rs.getObject("client_id", UUID.class);
            ClientDetails details = open(clientId, rs.getBytes("details"));
            if (details != null) {
                labels.put(clientId, new ClientLabel(details.familyName() + ", " + details.givenName(),
                        details.nhsNumber()));
            }
        });
        return new ClientLabels(labels);
    }

    @QueryHandler
    ClientPage handle(FindClients query) {
        String column;
        byte[] value;
        if (query.nhsNumber() != null) {
            column = "nhs_index";
            value = index.ofNhsNumber(NhsNumber.normalise(query.nhsNumber()));
        } else {
            column = "name_dob_index";
            value = index.ofFamilyNameAndBirthDate(query.familyName(), query.dateOfBirth());
        }
        String scope = query.therapistId() == null ? ""
                : " AND EXISTS (SELECT 1 FROM client_episode e WHERE e.client_id = c.client_id AND e.therapist_id = ?)";
        Object[] arguments = query.therapistId() == null ? new Object[] {value} : new Object[] {value, query.therapistId()};
        Long total = jdbc.queryForObject("SELECT count(*) FROM client_view c WHERE c." + column + " = ?" + scope, Long.class,
                arguments);
        Object[] paged = new Object[arguments.length + 2];
        System.arraycopy(arguments, 0, paged, 0, arguments.length);
        paged[arguments.length] = query.size();
        paged[arguments.length + 1] = (long) query.page() * query.size();
        List<ClientPage.Found> found = jdbc.query("SELECT c.client_id, c.status, c.details FROM client_view c WHERE c."
                        + column + " = ?" + scope + " ORDER BY c.registered_at, c.client_id LIMIT ? OFFSET ?",
                (rs, i) -> {
                    UUID clientId = rs.getObject("client_id", UUID.class);
                    ClientDetails d = open(clientId, rs.getBytes("details"));
                    return new ClientPage.Found(clientId, ClientStatus.valueOf(rs.getString("status")),
                            d == null ? null : d.nhsNumber(), d == null ? null : d.givenName(),
                            d == null ? null : d.familyName(), d == null ? null : d.dateOfBirth());
                }, paged);
        return new ClientPage(query.page(), query.size(), total == null ? 0 : total, found);
    }

    private byte[] seal(UUID clientId, ClientDetails details) {
        if (details == null) {
            return null;
        }
        try {
            return vault.seal(clientId, JSON.writeValueAsBytes(details));
        } catch (IOException e) {
            throw new IllegalStateException("client details not serialisable", e);
        }
    }

    private ClientDetails open(UUID clientId, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        Optional<byte[]> plain = vault.open(clientId, sealed);
        if (plain.isEmpty()) {
            return null;
        }
        try {
            return JSON.readValue(plain.get(), ClientDetails.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored details of client " + clientId + " unreadable", e);
        }
    }

    private byte[] nhsIndex(ClientDetails details) {
        return details == null || details.nhsNumber() == null ? null : index.ofNhsNumber(details.nhsNumber());
    }

    private byte[] nameIndex(ClientDetails details) {
        return details == null || details.familyName() == null || details.dateOfBirth() == null ? null
                : index.ofFamilyNameAndBirthDate(details.familyName(), details.dateOfBirth());
    }
}
