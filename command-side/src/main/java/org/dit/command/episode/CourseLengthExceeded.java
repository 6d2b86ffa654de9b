package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: A course may not exceed 20 sessions. */
public class CourseLengthExceeded extends RuleViolation {

    public CourseLengthExceeded(String detail) {
        super("course-length-exceeded", "A course may not exceed 20 sessions", detail);
    }
}
