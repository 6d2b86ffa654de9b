package org.dit.command.episode;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;

/** Record that the goodbye letter was shared. */
public record ShareGoodbyeLetter(@TargetAggregateIdentifier EpisodeId episodeId, LocalDate sharedOn) {
}
