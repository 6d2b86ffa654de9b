package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;
import org.dit.events.RiskAssessmentId;

/**
 * A clinician assessed the client's risk: the overall level, the level in each domain, the safety plan agreed, the
 * actions taken and the date by which it is to be reviewed. It clears the risk indications raised before it.
 */
@Revision("1")
public record RiskAssessed(EpisodeId episodeId, RiskAssessmentId riskAssessmentId, LocalDate assessedOn, RiskLevel level,
                           RiskLevel riskToSelf, RiskLevel riskToOthers, RiskLevel riskFromOthers,
                           @PersonalData String safetyPlan, @PersonalData String actions, LocalDate reviewBy) implements EpisodeEvent {
}
