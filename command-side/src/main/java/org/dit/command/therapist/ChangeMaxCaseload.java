package org.dit.command.therapist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.TherapistId;

/** Change how many episodes the therapist may hold at once. */
public record ChangeMaxCaseload(@TargetAggregateIdentifier TherapistId therapistId, Integer maxCaseload) {
}
