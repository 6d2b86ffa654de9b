package org.dit.events.episode;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** A booked session was moved to another time. */
@Revision("1")
public record SessionRescheduled(EpisodeId episodeId, int sessionNumber, Instant previousStartsAt, Instant startsAt) implements EpisodeEvent {
}
