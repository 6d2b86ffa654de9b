package org.dit.command.episode;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.episode.EndReason;

/** End the episode; open bookings are cancelled. */
public record EndTherapy(@TargetAggregateIdentifier EpisodeId episodeId, LocalDate endedOn, EndReason reason) {
}
