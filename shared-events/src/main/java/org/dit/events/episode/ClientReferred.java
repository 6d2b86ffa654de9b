package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;

/** A client was referred to the service: the episode of care begins. */
@Revision("1")
public record ClientReferred(EpisodeId episodeId, ClientId clientId, String referralSource, LocalDate referredOn, PresentingProblem presentingProblem, Priority priority) implements EpisodeEvent {
}
