package org.dit.command.client;

import java.util.Map;

import org.dit.command.RuleViolation;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;

/** Refusal: the episode already names a registered client; only an episode of an unregistered client is linked. */
public class EpisodeClientRegistered extends RuleViolation {

    private final ClientId clientId;

    public EpisodeClientRegistered(EpisodeId episodeId, ClientId clientId) {
        super("episode-client-registered", "The episode's client is registered",
                "episode " + episodeId + " belongs to registered client " + clientId + " and cannot be linked to another");
        this.clientId = clientId;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("clientId", clientId.value());
    }
}
