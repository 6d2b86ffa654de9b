package org.dit.command.client;

import java.util.Map;

import org.dit.command.RuleViolation;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;

/** Refusal: the client already has an episode that has not ended; the problem names it. */
public class OpenEpisodeExists extends RuleViolation {

    private final EpisodeId open;

    public OpenEpisodeExists(ClientId clientId, EpisodeId open) {
        super("open-episode-exists", "The client has an open episode",
                "client " + clientId + " is in episode " + open + ", which has not ended");
        this.open = open;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("episodeId", open.value());
    }
}
