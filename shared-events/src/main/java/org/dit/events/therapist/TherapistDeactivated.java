package org.dit.events.therapist;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.TherapistId;

/** The therapist no longer takes clients (left, long leave): no new allocations; open episodes wait for reassignment. */
@Revision("1")
public record TherapistDeactivated(TherapistId therapistId, LocalDate deactivatedOn, String reason) implements TherapistEvent {
}
