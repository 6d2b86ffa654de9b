package org.dit.command.episode;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;

/** Record that the client attended, with any measures completed in the session. */
public record RecordAttendance(@TargetAggregateIdentifier EpisodeId episodeId, int sessionNumber, List<Integer> phq9, List<Integer> gad7, MeasureId phq9MeasureId, MeasureId gad7MeasureId) {

    public RecordAttendance {
        phq9 = phq9 == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(phq9));
        gad7 = gad7 == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(gad7));
    }
}
