package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;

/** Mark a recorded measure as entered in error. */
public record MarkMeasureEnteredInError(@TargetAggregateIdentifier EpisodeId episodeId, MeasureId measureId, String reason) {
}
