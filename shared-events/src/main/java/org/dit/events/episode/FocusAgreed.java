package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** The client and therapist agreed the interpersonal-affective focus. */
@Revision("1")
public record FocusAgreed(EpisodeId episodeId, @PersonalData Focus focus, int afterSession) implements EpisodeEvent {
}
