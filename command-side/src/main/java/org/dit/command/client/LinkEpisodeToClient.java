package org.dit.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;

/** Link an episode referred before clients were registered to the registered client it is about. */
public record LinkEpisodeToClient(@TargetAggregateIdentifier EpisodeId episodeId, ClientId clientId) {
}
