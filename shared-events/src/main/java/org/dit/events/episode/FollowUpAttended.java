package org.dit.events.episode;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** The client came to the follow-up appointment. */
@Revision("1")
public record FollowUpAttended(EpisodeId episodeId, Instant startsAt) implements EpisodeEvent {
}
