package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;

/** Move the episode to another therapist, with its future bookings where the new therapist is free. */
public record ReassignTherapist(@TargetAggregateIdentifier EpisodeId episodeId, TherapistId therapistId, String reason) {
}
