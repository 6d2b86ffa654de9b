package org.dit.events.episode;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;
import org.dit.events.TherapistId;

/**
 * A supervisor moved the episode to another therapist. The bookings in {@code movedSessions} now belong to the new
 * therapist's diary; future bookings the new therapist could not take are cancelled by the SessionCancelled events
 * that follow.
 */
@Revision("1")
public record TherapistReassigned(EpisodeId episodeId, TherapistId previousTherapistId, TherapistId therapistId,
                                  LocalDate reassignedOn, @PersonalData String reason, List<Integer> movedSessions) implements EpisodeEvent {

    public TherapistReassigned {
        movedSessions = List.copyOf(movedSessions);
    }
}
