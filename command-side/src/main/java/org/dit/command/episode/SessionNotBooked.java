package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The session is not booked. */
public class SessionNotBooked extends RuleViolation {

    public SessionNotBooked(String detail) {
        super("session-not-booked", "The session is not booked", detail);
    }
}
