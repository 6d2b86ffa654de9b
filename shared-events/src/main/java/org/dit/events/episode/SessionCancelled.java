package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** A booked session will not take place; its number is free for another booking. */
@Revision("1")
public record SessionCancelled(EpisodeId episodeId, int sessionNumber, CancelledBy cancelledBy, @PersonalData String reason) implements EpisodeEvent {
}
