package org.dit.command.client;

import org.dit.command.RuleViolation;

/** Refusal: the retention period since the client's last episode ended has not passed. */
public class RetentionNotReached extends RuleViolation {

    public RetentionNotReached(String detail) {
        super("retention-not-reached", "The client's record is still within its retention period", detail);
    }
}
