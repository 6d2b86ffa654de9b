package org.dit.events.episode;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;

/**
 * A PHQ-9 or GAD-7 completed at the follow-up appointment. Reported apart from the measures of treatment: it never
 * changes the episode's last score or its outcome.
 */
@Revision("1")
public record FollowUpMeasureRecorded(EpisodeId episodeId, MeasureId measureId, Instrument instrument, List<Integer> items,
                                      int total, LocalDate recordedOn) implements EpisodeEvent {

    public FollowUpMeasureRecorded {
        items = List.copyOf(items);
    }
}
