package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.episode.Focus;

/** Agree the IPAF, or revise it (a revision needs a reason). */
public record AgreeFocus(@TargetAggregateIdentifier EpisodeId episodeId, Focus focus, String reason) {
}
