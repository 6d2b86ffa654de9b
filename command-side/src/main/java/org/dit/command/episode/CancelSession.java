package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.episode.CancelledBy;

/** Cancel a booked session; its number becomes free. */
public record CancelSession(@TargetAggregateIdentifier EpisodeId episodeId, int sessionNumber, CancelledBy cancelledBy, String reason) {
}
