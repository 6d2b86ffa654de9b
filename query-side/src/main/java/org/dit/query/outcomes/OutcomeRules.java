package org.dit.query.outcomes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

    private OutcomeRules() {
    }

    public static boolean atCaseness(int firstPhq9, int firstGad7) {
        return firstPhq9 >= PHQ9_CASENESS || firstGad7 >= GAD7_CASENESS;
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

    /** The outcome of an episode as its facts stand (for an episode not yet ended: so far). */
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
        if (!paired) {
            return new EpisodeOutcome(ended, finished, false, null, null, null, null, null, firstPhq9, lastPhq9, firstGad7,
                    lastGad7, toFirst, firstToSecond);
        }
        return new EpisodeOutcome(ended, finished, true, atCaseness(firstPhq9, firstGad7),
                recovered(firstPhq9, firstGad7, lastPhq9, lastGad7),
                reliableImprovement(firstPhq9, firstGad7, lastPhq9, lastGad7),
                reliableDeterioration(firstPhq9, firstGad7, lastPhq9, lastGad7),
                reliableRecovery(firstPhq9, firstGad7, lastPhq9, lastGad7),
                firstPhq9, lastPhq9, firstGad7, lastGad7, toFirst, firstToSecond);
    }
}
