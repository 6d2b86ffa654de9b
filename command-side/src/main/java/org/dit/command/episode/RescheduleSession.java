package org.dit.command.episode;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;

/** Move a booked session. */
public record RescheduleSession(@TargetAggregateIdentifier EpisodeId episodeId, int sessionNumber, Instant startsAt) {
}
