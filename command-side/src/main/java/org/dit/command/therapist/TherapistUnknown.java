package org.dit.command.therapist;

import org.dit.command.RuleViolation;

/** Refusal: The therapist is not registered. */
public class TherapistUnknown extends RuleViolation {

    public TherapistUnknown(String detail) {
        super("therapist-unknown", "The therapist is not registered", detail);
    }
}
