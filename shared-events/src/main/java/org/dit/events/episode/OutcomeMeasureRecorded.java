package org.dit.events.episode;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;

/** A PHQ-9 or GAD-7 was completed; sessionNumber is null outside a treatment session (for example at assessment). */
@Revision("1")
public record OutcomeMeasureRecorded(EpisodeId episodeId, MeasureId measureId, Instrument instrument, List<Integer> items, int total, LocalDate recordedOn, Integer sessionNumber) implements EpisodeEvent {

    public OutcomeMeasureRecorded {
        items = List.copyOf(items);
    }
}
