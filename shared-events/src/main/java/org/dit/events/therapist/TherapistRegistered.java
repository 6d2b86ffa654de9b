package org.dit.events.therapist;

import org.axonframework.serialization.Revision;
import org.dit.events.TherapistId;

/** A therapist joined the service; a therapist in training names a qualified supervisor. */
@Revision("1")
public record TherapistRegistered(TherapistId therapistId, String name, Accreditation accreditation, TherapistId supervisorId,
                                  int maxCaseload) implements TherapistEvent {
}
