package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** The agreed focus was revised, with the reason why. */
@Revision("1")
public record FocusRevised(EpisodeId episodeId, @PersonalData Focus focus, @PersonalData String reason, int afterSession) implements EpisodeEvent {
}
