package org.dit.command.therapist;

import org.dit.command.RuleViolation;

/** Refusal: The therapist's caseload is full. */
public class TherapistAtCapacity extends RuleViolation {

    public TherapistAtCapacity(String detail) {
        super("therapist-at-capacity", "The therapist's caseload is full", detail);
    }
}
