package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;

/**
 * A PHQ-9 answered item 9 (thoughts of being better off dead or of self-harm) with 1 or more: a risk indication,
 * raised with the measure it came from. It stays open until a risk assessment recorded after it, and lapses when that
 * measure is marked entered in error.
 */
@Revision("1")
public record RiskIndicated(EpisodeId episodeId, MeasureId measureId, int item9, LocalDate recordedOn) implements EpisodeEvent {
}
