package org.dit.events.episode;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** The client did not attend a booked session (did not attend, without cancelling). */
@Revision("1")
public record SessionMissed(EpisodeId episodeId, int sessionNumber, Instant startsAt) implements EpisodeEvent {
}
