package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The session has not started yet. */
public class SessionInFuture extends RuleViolation {

    public SessionInFuture(String detail) {
        super("session-in-future", "The session has not started yet", detail);
    }
}
