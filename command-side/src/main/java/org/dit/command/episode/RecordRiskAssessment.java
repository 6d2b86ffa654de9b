package org.dit.command.episode;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.RiskAssessmentId;
import org.dit.events.episode.RiskLevel;

/** Record a risk assessment: the overall level, each domain's level, the safety plan, the actions and the review date. */
public record RecordRiskAssessment(@TargetAggregateIdentifier EpisodeId episodeId, RiskAssessmentId riskAssessmentId,
                                   LocalDate assessedOn, RiskLevel level, RiskLevel riskToSelf, RiskLevel riskToOthers,
                                   RiskLevel riskFromOthers, String safetyPlan, String actions, LocalDate reviewBy) {
}
