package org.dit.command.therapist;

import org.dit.command.RuleViolation;

/** Refusal: A supervisor must be a registered qualified therapist. */
public class SupervisorNotQualified extends RuleViolation {

    public SupervisorNotQualified(String detail) {
        super("supervisor-not-qualified", "A supervisor must be a registered qualified therapist", detail);
    }
}
