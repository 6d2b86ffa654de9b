package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;

/** A therapist took the client on: therapy can be booked. */
@Revision("1")
public record TherapistAllocated(EpisodeId episodeId, TherapistId therapistId, LocalDate allocatedOn) implements EpisodeEvent {
}
