package org.dit.query.outcomes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Instrument;
import org.dit.query.facts.EpisodeFacts;

/** The exact definitions of docs/design.md §3, as pure functions. */
public final class OutcomeRules {

    public static final int PHQ9_CASENESS = 10;
    public static final int GAD7_CASENESS = 8;
    public static final int PHQ9_RELIABLE_CHANGE = 6;
    public static final int GAD7_RELIABLE_CHANGE = 4;
    public static final int MIN_SESSIONS_FOR_FINISHED_COURSE = 2;
    public static final int SIX_WEEKS_DAYS = 42;
    public static final int EIGHTEEN_WEEKS_DAYS = 126;
    public static final int HIDDEN_WAIT_DAYS = 28;
    public static final int LONG_HIDDEN_WAIT_DAYS = 90;

    /** Said wherever recovery is reported (docs/design.md §3, GAD-7 for anxiety disorders). */
    public static final String GAD7_NOTE = "Recovery and reliable change use the PHQ-9 and the GAD-7 only: for anxiety "
            + "disorders that NHS Talking Therapies measures with a disorder-specific questionnaire, the GAD-7 stands in "
            + "for it, so these figures are not the national anxiety-disorder-specific ones.";

    private OutcomeRules() {
    }

    public static boolean atCaseness(int firstPhq9, int firstGad7) {
        return firstPhq9 >= PHQ9_CASENESS || firstGad7 >= GAD7_CASENESS;
    }

    /**
     * Caseness at the start when it can be told: true when a first score is at caseness, false when both first scores
     * are present and below it, null (unknown) when a first score is missing and the other is below caseness.
     */
    public static Boolean casenessAtStart(Integer firstPhq9, Integer firstGad7) {
        if (firstPhq9 != null && firstPhq9 >= PHQ9_CASENESS || firstGad7 != null && firstGad7 >= GAD7_CASENESS) {
            return true;
        }
        return firstPhq9 != null && firstGad7 != null ? Boolean.FALSE : null;
    }

    /** Not at caseness: both first scores present and both below caseness. A missing first score is not "not at caseness". */
    public static boolean notAtCaseness(Integer firstPhq9, Integer firstGad7) {
        return Boolean.FALSE.equals(casenessAtStart(firstPhq9, firstGad7));
    }

    public static boolean recovered(int firstPhq9, int firstGad7, int lastPhq9, int lastGad7) {
        return atCaseness(firstPhq9, firstGad7) && lastPhq9 < PHQ9_CASENESS && lastGad7 < GAD7_CASENESS;
    }

    public static boolean reliableDecrease(int firstPhq9, int firstGad7, int lastPhq9, int lastGad7) {
        return firstPhq9 - lastPhq9 >= PHQ9_RELIABLE_CHANGE || firstGad7 - lastGad7 >= GAD7_RELIABLE_CHANGE;
    }

    public static boolean reliableIncrease(int firstPhq9, int firstGad7, int lastPhq9, int lastGad7) {
        return lastPhq9 - firstPhq9 >= PHQ9_RELIABLE_CHANGE || lastGad7 - firstGad7 >= GAD7_RELIABLE_CHANGE;
    }

    public static boolean reliableImprovement(int firstPhq9, int firstGad7, int lastPhq9, int lastGad7) {
        return reliableDecrease(firstPhq9, firstGad7, lastPhq9, lastGad7)
                && !reliableIncrease(firstPhq9, firstGad7, lastPhq9, lastGad7);
    }

    public static boolean reliableDeterioration(int firstPhq9, int firstGad7, int lastPhq9, int lastGad7) {
        return reliableIncrease(firstPhq9, firstGad7, lastPhq9, lastGad7)
                && !reliableDecrease(firstPhq9, firstGad7, lastPhq9, lastGad7);
    }

    public static boolean reliableRecovery(int firstPhq9, int firstGad7, int lastPhq9, int lastGad7) {
        return recovered(firstPhq9, firstGad7, lastPhq9, lastGad7)
                && reliableImprovement(firstPhq9, firstGad7, lastPhq9, lastGad7);
    }

    public static boolean withinSixWeeks(long days) {
        return days <= SIX_WEEKS_DAYS;
    }

    public static boolean withinEighteenWeeks(long days) {
        return days <= EIGHTEEN_WEEKS_DAYS;
    }

    /**
     * The national data set's end-of-referral code for an ending (docs/design.md §3, national end codes); {@code treated} when
     * at least one session was attended.
     */
    public static int nationalEndCode(EndReason reason, boolean treated) {
        return switch (reason) {
            case NOT_SUITABLE -> 10;
            case CLIENT_WITHDREW -> treated ? 47 : 14;
            case COMPLETED -> 46;
            case DROPPED_OUT -> 47;
            case REFERRED_ON -> treated ? 46 : 13;
            case OTHER -> treated ? 96 : 95;
        };
    }

    /**
     * The outcome of an episode as its facts stand (for an episode not yet ended: so far). An episode that is not paired
     * is neither recovered, nor improved, nor deteriorated (false, not unknown), as in the national figures.
     */
    public static EpisodeOutcome of(EpisodeFacts facts, ZoneId zone) {
        boolean ended = facts.status() == EpisodeStatus.ENDED;
        boolean finished = ended && facts.attendedSessions().size() >= MIN_SESSIONS_FOR_FINISHED_COURSE;
        List<EpisodeFacts.MeasureFact> phq9 = facts.validMeasures(Instrument.PHQ9);
        List<EpisodeFacts.MeasureFact> gad7 = facts.validMeasures(Instrument.GAD7);
        Integer firstPhq9 = phq9.isEmpty() ? null : phq9.get(0).total();
        Integer lastPhq9 = phq9.isEmpty() ? null : phq9.get(phq9.size() - 1).total();
        Integer firstGad7 = gad7.isEmpty() ? null : gad7.get(0).total();
        Integer lastGad7 = gad7.isEmpty() ? null : gad7.get(gad7.size() - 1).total();
        boolean paired = phq9.size() >= 2 && gad7.size() >= 2;
        LocalDate first = facts.attendedSessionDate(1, zone).orElse(null);
        LocalDate second = facts.attendedSessionDate(2, zone).orElse(null);
        Long toFirst = first == null || facts.referredOn() == null ? null : ChronoUnit.DAYS.between(facts.referredOn(), first);
        Long firstToSecond = first == null || second == null ? null : ChronoUnit.DAYS.between(first, second);
        Integer endCode = facts.endReason() == null ? null : nationalEndCode(facts.endReason(), first != null);
        return new EpisodeOutcome(ended, finished, paired, casenessAtStart(firstPhq9, firstGad7),
                paired && recovered(firstPhq9, firstGad7, lastPhq9, lastGad7),
                paired && reliableImprovement(firstPhq9, firstGad7, lastPhq9, lastGad7),
                paired && reliableDeterioration(firstPhq9, firstGad7, lastPhq9, lastGad7),
                paired && reliableRecovery(firstPhq9, firstGad7, lastPhq9, lastGad7),
                firstPhq9, lastPhq9, firstGad7, lastGad7, toFirst, firstToSecond, facts.endReason(), endCode);
    }
}
