package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The course is full. */
public class CourseFull extends RuleViolation {

    public CourseFull(String detail) {
        super("course-full", "The course is full", detail);
    }
}
