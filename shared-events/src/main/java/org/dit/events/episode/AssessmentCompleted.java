package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** The client's suitability for DIT was assessed. */
@Revision("1")
public record AssessmentCompleted(EpisodeId episodeId, LocalDate assessedOn, boolean suitable, @PersonalData String notes) implements EpisodeEvent {
}
