package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: Sessions must follow one another in time. */
public class SessionOutOfOrder extends RuleViolation {

    public SessionOutOfOrder(String detail) {
        super("session-out-of-order", "Sessions must follow one another in time", detail);
    }
}
