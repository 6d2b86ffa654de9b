package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: There is nothing to correct. */
public class NothingToCorrect extends RuleViolation {

    public NothingToCorrect(String detail) {
        super("nothing-to-correct", "There is nothing to correct", detail);
    }
}
