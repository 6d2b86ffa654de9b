package org.dit.command.episode;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;

/** Record the suitability assessment with its PHQ-9 and GAD-7; the measure ids are chosen by the caller. */
public record RecordAssessment(@TargetAggregateIdentifier EpisodeId episodeId, LocalDate assessedOn, Boolean suitable, List<Integer> phq9, List<Integer> gad7, String notes, MeasureId phq9MeasureId, MeasureId gad7MeasureId) {

    public RecordAssessment {
        phq9 = phq9 == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(phq9));
        gad7 = gad7 == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(gad7));
    }
}
