package org.dit.command.therapist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;

/** Register a therapist who delivers DIT; one in training names a qualified supervisor. */
public record RegisterTherapist(@TargetAggregateIdentifier TherapistId therapistId, String name, Accreditation accreditation,
                                TherapistId supervisorId, Integer maxCaseload) {
}
