package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** A recorded session outcome (attended or missed) was found wrong and corrected; the original record stays in the log. */
@Revision("1")
public record SessionOutcomeCorrected(EpisodeId episodeId, int sessionNumber, SessionOutcome previousOutcome, SessionOutcome outcome, @PersonalData String reason) implements EpisodeEvent {
}
