package org.dit.events.episode;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** The client attended a booked session. */
@Revision("1")
public record SessionAttended(EpisodeId episodeId, int sessionNumber, Instant startsAt) implements EpisodeEvent {
}
