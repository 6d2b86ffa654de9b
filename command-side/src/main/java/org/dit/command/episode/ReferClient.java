package org.dit.command.episode;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;

/** Refer a client: opens a new episode of care. */
public record ReferClient(@TargetAggregateIdentifier EpisodeId episodeId, ClientId clientId, String referralSource, LocalDate referredOn, PresentingProblem presentingProblem, Priority priority) {
}
