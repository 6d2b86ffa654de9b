package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The date is before the referral. */
public class DateBeforeReferral extends RuleViolation {

    public DateBeforeReferral(String detail) {
        super("date-before-referral", "The date is before the referral", detail);
    }
}
