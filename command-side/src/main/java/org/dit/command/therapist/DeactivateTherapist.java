package org.dit.command.therapist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.TherapistId;

/** Stop allocating clients to the therapist; answers the open episodes that still need another therapist. */
public record DeactivateTherapist(@TargetAggregateIdentifier TherapistId therapistId, String reason) {
}
