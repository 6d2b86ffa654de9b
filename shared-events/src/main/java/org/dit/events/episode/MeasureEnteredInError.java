package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;
import org.dit.events.MeasureId;

/** A recorded measure was marked as entered in error: it stays in the log and is ignored by every metric. */
@Revision("1")
public record MeasureEnteredInError(EpisodeId episodeId, MeasureId measureId, @PersonalData String reason) implements EpisodeEvent {
}
