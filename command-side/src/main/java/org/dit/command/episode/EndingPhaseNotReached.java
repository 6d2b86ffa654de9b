package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The ending phase has not been reached. */
public class EndingPhaseNotReached extends RuleViolation {

    public EndingPhaseNotReached(String detail) {
        super("ending-phase-not-reached", "The ending phase has not been reached", detail);
    }
}
