package org.dit.command.therapist;

import org.dit.command.RuleViolation;

/** Refusal: The therapist is not active. */
public class TherapistInactive extends RuleViolation {

    public TherapistInactive(String detail) {
        super("therapist-inactive", "The therapist is not active", detail);
    }
}
