package org.dit.command.episode;

import java.util.List;

import org.dit.events.TherapistId;

/**
 * The outcome of {@link ReassignTherapist}: the future bookings that moved to the new therapist, and those cancelled
 * because the new therapist is busy at that time.
 */
public record Reassignment(TherapistId therapistId, List<Integer> movedSessions, List<Integer> cancelledSessions) {

    public Reassignment {
        movedSessions = List.copyOf(movedSessions);
        cancelledSessions = List.copyOf(cancelledSessions);
    }
}
