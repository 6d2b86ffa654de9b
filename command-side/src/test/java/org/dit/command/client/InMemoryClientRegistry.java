package org.dit.command.client;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.dit.events.ClientId;
import org.dit.events.EpisodeId;

/** The registry's lookups in memory, as the events of other aggregates would have left them. */
public final class InMemoryClientRegistry implements ClientRegistry {

    private final Map<ClientId, Standing> clients = new HashMap<>();
    private final Map<String, ClientId> nhsNumbers = new HashMap<>();
    private final Map<ClientId, EpisodeId> openEpisodes = new HashMap<>();
    private final Map<ClientId, LocalDate> lastEnded = new HashMap<>();

    public InMemoryClientRegistry registered(ClientId clientId, String nhsNumber) {
        clients.put(clientId, Standing.REGISTERED);
        if (nhsNumber != null) {
            nhsNumbers.put(nhsNumber, clientId);
        }
        return this;
    }

    public InMemoryClientRegistry erased(ClientId clientId) {
        clients.put(clientId, Standing.ERASED);
        nhsNumbers.values().remove(clientId);
        return this;
    }

    public InMemoryClientRegistry inEpisode(ClientId clientId, EpisodeId episodeId) {
        openEpisodes.put(clientId, episodeId);
        return this;
    }

    public InMemoryClientRegistry episodeEnded(ClientId clientId, LocalDate endedOn) {
        openEpisodes.remove(clientId);
        lastEnded.merge(clientId, endedOn, (a, b) -> a.isAfter(b) ? a : b);
        return this;
    }

    @Override
    public Standing standing(ClientId clientId) {
        return clients.getOrDefault(clientId, Standing.UNKNOWN);
    }

    @Override
    public Optional<ClientId> holderOfNhsNumber(String nhsNumber) {
        return Optional.ofNullable(nhsNumbers.get(nhsNumber));
    }

    @Override
    public Optional<EpisodeId> openEpisode(ClientId clientId) {
        return Optional.ofNullable(openEpisodes.get(clientId));
    }

    @Override
    public Optional<LocalDate> lastEpisodeEnded(ClientId clientId) {
        return Optional.ofNullable(lastEnded.get(clientId));
    }
}
