package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;

/** Agree a shorter course; below 12 sessions a supervisor approves (approvedBy). */
public record ShortenCourse(@TargetAggregateIdentifier EpisodeId episodeId, Integer courseLength, String reason,
                            String approvedBy) {
}
