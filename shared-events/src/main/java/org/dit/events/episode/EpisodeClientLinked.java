package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;

/**
 * An episode referred before clients were registered (its client id has no client record) was linked to the
 * registered client it is about; from here on the episode belongs to that client.
 */
@Revision("1")
public record EpisodeClientLinked(EpisodeId episodeId, ClientId previousClientId, ClientId clientId) implements EpisodeEvent {
}
