package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: No session has been attended yet. */
public class NoSessionAttended extends RuleViolation {

    public NoSessionAttended(String detail) {
        super("no-session-attended", "No session has been attended yet", detail);
    }
}
