package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;

/** Write the short note of an attended session (at most 4,000 characters). */
public record WriteSessionNote(@TargetAggregateIdentifier EpisodeId episodeId, int sessionNumber, String text) {
}
