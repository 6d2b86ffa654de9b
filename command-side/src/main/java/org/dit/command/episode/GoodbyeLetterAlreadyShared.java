package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The goodbye letter has already been shared. */
public class GoodbyeLetterAlreadyShared extends RuleViolation {

    public GoodbyeLetterAlreadyShared(String detail) {
        super("goodbye-letter-already-shared", "The goodbye letter has already been shared", detail);
    }
}
