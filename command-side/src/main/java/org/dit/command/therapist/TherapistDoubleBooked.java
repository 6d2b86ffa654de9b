package org.dit.command.therapist;

import org.dit.command.RuleViolation;

/** Refusal: The therapist is already booked at that time. */
public class TherapistDoubleBooked extends RuleViolation {

    public TherapistDoubleBooked(String detail) {
        super("therapist-double-booked", "The therapist is already booked at that time", detail);
    }
}
