package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.episode.SessionOutcome;

/** Correct a recorded attendance or missed session. */
public record CorrectSessionOutcome(@TargetAggregateIdentifier EpisodeId episodeId, int sessionNumber, SessionOutcome outcome, String reason) {
}
