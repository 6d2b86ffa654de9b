package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The ending phase has been reached. */
public class EndingPhaseReached extends RuleViolation {

    public EndingPhaseReached(String detail) {
        super("ending-phase-reached", "The ending phase has been reached", detail);
    }
}
