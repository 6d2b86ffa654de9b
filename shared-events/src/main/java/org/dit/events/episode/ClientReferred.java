package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.ClientId;
import org.dit.events.DataSubject;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** A client was referred to the service: the episode of care begins. */
@Revision("1")
public record ClientReferred(EpisodeId episodeId, @DataSubject ClientId clientId, @PersonalData String referralSource, LocalDate referredOn, PresentingProblem presentingProblem, Priority priority) implements EpisodeEvent {
}
