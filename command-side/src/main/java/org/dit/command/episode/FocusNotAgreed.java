package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The IPAF focus must be agreed before session 5. */
public class FocusNotAgreed extends RuleViolation {

    public FocusNotAgreed(String detail) {
        super("focus-not-agreed", "The IPAF focus must be agreed before session 5", detail);
    }
}
