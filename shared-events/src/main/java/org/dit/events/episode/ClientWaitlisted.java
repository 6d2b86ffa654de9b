package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** The client joined the waiting list for therapy. */
@Revision("1")
public record ClientWaitlisted(EpisodeId episodeId, LocalDate waitlistedOn) implements EpisodeEvent {
}
