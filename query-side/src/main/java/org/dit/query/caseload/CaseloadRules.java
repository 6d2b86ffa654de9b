package org.dit.query.caseload;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.dit.events.episode.Phase;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionState;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.outcomes.EpisodeOutcome;
import org.dit.query.outcomes.OutcomeRules;

/** The caseload flags of docs/design.md §2, from an episode's facts. */
final class CaseloadRules {

    private CaseloadRules() {
    }

    static List<CaseloadFlag> flags(EpisodeFacts facts, ZoneId zone) {
        List<CaseloadFlag> flags = new ArrayList<>();
        if (facts.attendedSessions().size() >= Phase.LAST_INITIAL_SESSION && facts.focus() == null) {
            flags.add(CaseloadFlag.FOCUS_OVERDUE);
        }
        if (lastTwoResolvedMissed(facts)) {
            flags.add(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }
        if (facts.phase() == Phase.ENDING && facts.goodbyeLetterSharedOn() == null) {
            flags.add(CaseloadFlag.GOODBYE_LETTER_DUE);
        }
        EpisodeOutcome soFar = OutcomeRules.of(facts, zone);
        if (Boolean.TRUE.equals(soFar.reliableDeterioration())) {
            flags.add(CaseloadFlag.RELIABLE_DETERIORATION);
        }
        if (facts.latestRiskAssessment().map(a -> a.level() == RiskLevel.HIGH).orElse(false)) {
            flags.add(CaseloadFlag.RISK_HIGH);
        }
        if (!facts.openRiskIndications().isEmpty()) {
            flags.add(CaseloadFlag.PHQ9_ITEM9_POSITIVE);
        }
        return flags;
    }

    /** The stored flags, and those that depend on the clinic date it is. */
    static List<CaseloadFlag> flagsAsOf(List<CaseloadFlag> stored, EpisodeFacts facts, LocalDate today) {
        List<CaseloadFlag> flags = new ArrayList<>(stored);
        if (facts.riskReviewOverdue(today)) {
            flags.add(CaseloadFlag.RISK_REVIEW_OVERDUE);
        }
        return flags;
    }

    /** The two most recent sessions with an outcome were both missed. */
    private static boolean lastTwoResolvedMissed(EpisodeFacts facts) {
        List<EpisodeFacts.SessionFact> resolved = facts.liveSessions().stream()
                .filter(s -> s.state() == SessionState.ATTENDED || s.state() == SessionState.MISSED).toList();
        int n = resolved.size();
        return n >= 2 && resolved.get(n - 1).state() == SessionState.MISSED && resolved.get(n - 2).state() == SessionState.MISSED;
    }
}
