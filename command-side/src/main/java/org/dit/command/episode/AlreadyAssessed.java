package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The client has already been assessed. */
public class AlreadyAssessed extends RuleViolation {

    public AlreadyAssessed(String detail) {
        super("already-assessed", "The client has already been assessed", detail);
    }
}
