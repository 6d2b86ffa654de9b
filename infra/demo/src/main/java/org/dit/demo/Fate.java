package org.dit.demo;

/**
 * What the demo intends for one episode by today, with its share of the clinic. The course script follows the
 * intention as far as the rules and the calendar allow; the summary reports what actually happened.
 */
enum Fate {
    AWAITING_ASSESSMENT(0.04),
    NOT_SUITABLE(0.05),
    WAITING(0.12),
    WITHDREW_FROM_WAITING(0.04),
    NOT_STARTED(0.02),
    INITIAL(0.05),
    FOCUS_OVERDUE(0.015),
    MIDDLE(0.07),
    TWO_MISSED(0.015),
    ENDING(0.02),
    LETTER_DUE(0.015),
    COMPLETED(0.37),
    DROPPED_OUT(0.11),
    REFERRED_ON(0.04),
    OTHER_ENDING(0.03);

    final double share;

    Fate(double share) {
        this.share = share;
    }

    /** Allocated to a therapist at some point. */
    boolean treated() {
        return ordinal() >= NOT_STARTED.ordinal();
    }

    /** Meant to be still in therapy today. */
    boolean ongoing() {
        return treated() && ordinal() <= LETTER_DUE.ordinal();
    }

    boolean inEndingPhase() {
        return this == ENDING || this == LETTER_DUE;
    }
}
