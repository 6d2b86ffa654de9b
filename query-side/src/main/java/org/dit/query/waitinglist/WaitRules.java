package org.dit.query.waitinglist;

import java.time.LocalDate;

import org.dit.query.outcomes.OutcomeRules;

/**
 * When a waiting client breaches a waiting-time standard (docs/design.md §3, waits): waiting more than 42 days (6 weeks) or
 * more than 126 days (18 weeks) since referral. A client breaches on the first date their wait exceeds the limit, so
 * a client seen on the 42nd day after referral was seen within 6 weeks, and one still waiting on the 43rd was not.
 */
final class WaitRules {

    /** How far ahead the waiting list warns of breaches. */
    static final int BREACH_WARNING_DAYS = 14;

    private WaitRules() {
    }

    static LocalDate breaches6WeeksOn(LocalDate referredOn) {
        return referredOn.plusDays(OutcomeRules.SIX_WEEKS_DAYS + 1L);
    }

    static LocalDate breaches18WeeksOn(LocalDate referredOn) {
        return referredOn.plusDays(OutcomeRules.EIGHTEEN_WEEKS_DAYS + 1L);
    }

    /**
     * Not over the limit yet, but will be within {@link #BREACH_WARNING_DAYS} days if still waiting: the breach date falls
     * in (asOf, asOf + 14]. Counted from the days already waited, so no date arithmetic can leave the calendar.
     */
    static boolean breachingWithinWarning(long daysSinceReferral, int limitDays) {
        return daysSinceReferral <= limitDays && daysSinceReferral + BREACH_WARNING_DAYS > limitDays;
    }
}
