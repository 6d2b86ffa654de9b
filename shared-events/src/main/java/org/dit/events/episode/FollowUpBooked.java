package org.dit.events.episode;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;

/** A follow-up appointment after the ending was booked: not a treatment session, and the episode stays ended. */
@Revision("1")
public record FollowUpBooked(EpisodeId episodeId, TherapistId therapistId, Instant startsAt, int durationMinutes,
                             SessionMode mode) implements EpisodeEvent {
}
