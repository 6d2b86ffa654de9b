package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** The agreed focus was revised, with the reason why. */
@Revision("1")
public record FocusRevised(EpisodeId episodeId, Focus focus, String reason, int afterSession) implements EpisodeEvent {
}
