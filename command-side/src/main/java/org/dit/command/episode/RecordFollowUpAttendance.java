package org.dit.command.episode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;

/** Record that the client came to the follow-up, with the measures completed there. */
public record RecordFollowUpAttendance(@TargetAggregateIdentifier EpisodeId episodeId, List<Integer> phq9, List<Integer> gad7,
                                       MeasureId phq9MeasureId, MeasureId gad7MeasureId) {

    public RecordFollowUpAttendance {
        phq9 = phq9 == null ? null : Collections.unmodifiableList(new ArrayList<>(phq9));
        gad7 = gad7 == null ? null : Collections.unmodifiableList(new ArrayList<>(gad7));
    }
}
