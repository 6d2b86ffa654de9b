package org.dit.command.episode;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.episode.Instrument;

/** Record a PHQ-9 or GAD-7 outside a session. */
public record RecordOutcomeMeasure(@TargetAggregateIdentifier EpisodeId episodeId, MeasureId measureId, Instrument instrument, List<Integer> items, LocalDate recordedOn) {

    public RecordOutcomeMeasure {
        items = items == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }
}
