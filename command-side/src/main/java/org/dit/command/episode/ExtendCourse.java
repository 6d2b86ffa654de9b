package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;

/** Extend the course with a supervisor's approval. */
public record ExtendCourse(@TargetAggregateIdentifier EpisodeId episodeId, int additionalSessions, String approvedBy, String reason) {
}
