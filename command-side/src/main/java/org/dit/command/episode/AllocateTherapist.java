package org.dit.command.episode;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;

/** Allocate a therapist to a waiting client. */
public record AllocateTherapist(@TargetAggregateIdentifier EpisodeId episodeId, TherapistId therapistId, LocalDate allocatedOn) {
}
