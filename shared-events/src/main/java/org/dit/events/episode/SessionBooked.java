package org.dit.events.episode;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;

/** A treatment session was booked; sessionNumber is its place in the course. */
@Revision("1")
public record SessionBooked(EpisodeId episodeId, int sessionNumber, TherapistId therapistId, Instant startsAt, int durationMinutes, SessionMode mode) implements EpisodeEvent {
}
