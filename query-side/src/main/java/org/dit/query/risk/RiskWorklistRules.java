package org.dit.query.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskLevel;
import org.dit.query.facts.EpisodeFacts;

/** Who is on the risk worklist and in which order (DESIGN §2, risk), from an episode's facts and the clinic date. */
final class RiskWorklistRules {

    /**
     * Most urgent first: by the most urgent reason (an open item-9 indication, then an URGENT referral not assessed,
     * then an overdue review); then the latest risk level, HIGH first and never assessed last; then the longest
     * standing (earliest {@code since}); then the episode id, so the order is stable.
     */
    static final Comparator<RiskWorklist.Entry> MOST_URGENT_FIRST = Comparator
            .comparing((RiskWorklist.Entry e) -> e.reasons().get(0))
            .thenComparing(e -> levelRank(e.riskLevel()))
            .thenComparing(RiskWorklist.Entry::since)
            .thenComparing(RiskWorklist.Entry::episodeId);

    private RiskWorklistRules() {
    }

    /** The entry of this episode as of that day, or empty when nothing about it needs a supervisor's eye. */
    static Optional<RiskWorklist.Entry> entry(EpisodeFacts facts, LocalDate today, int urgentAssessmentDays) {
        List<RiskReason> reasons = new ArrayList<>();
        List<LocalDate> since = new ArrayList<>();
        List<EpisodeFacts.RiskIndicationFact> open = facts.openRiskIndications();
        if (!open.isEmpty()) {
            reasons.add(RiskReason.PHQ9_ITEM9_POSITIVE);
            since.add(open.stream().map(EpisodeFacts.RiskIndicationFact::recordedOn).min(LocalDate::compareTo).orElseThrow());
        }
        if (urgentReferralOverdue(facts, today, urgentAssessmentDays)) {
            reasons.add(RiskReason.URGENT_REFERRAL_NOT_ASSESSED);
            since.add(facts.referredOn().plusDays(urgentAssessmentDays + 1L));
        }
        Optional<EpisodeFacts.RiskAssessmentFact> latest = facts.latestRiskAssessment();
        if (facts.riskReviewOverdue(today)) {
            reasons.add(RiskReason.RISK_REVIEW_OVERDUE);
            since.add(latest.orElseThrow().reviewBy());
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RiskWorklist.Entry(facts.episodeId(), facts.clientId(), facts.therapistId(), facts.priority(),
                latest.map(EpisodeFacts.RiskAssessmentFact::level).orElse(null),
                latest.map(EpisodeFacts.RiskAssessmentFact::reviewBy).orElse(null), reasons, since.get(0)));
    }

    /**
     * URGENT, awaiting assessment (not yet assessed for suitability, nor for risk) and more than the allowed days
     * since the referral: with 7 days, a client referred on the 1st is overdue from the 9th (the 8th day).
     */
    static boolean urgentReferralOverdue(EpisodeFacts facts, LocalDate today, int urgentAssessmentDays) {
        return facts.priority() == Priority.URGENT && awaitingAnyAssessment(facts)
                && today.isAfter(facts.referredOn().plusDays(urgentAssessmentDays));
    }

    /** Still REFERRED (an assessment moves it on) and never risk-assessed. */
    static boolean awaitingAnyAssessment(EpisodeFacts facts) {
        return facts.status() == EpisodeStatus.REFERRED && facts.riskAssessments().isEmpty();
    }

    private static int levelRank(RiskLevel level) {
        return level == null ? RiskLevel.values().length : RiskLevel.values().length - 1 - level.ordinal();
    }
}
