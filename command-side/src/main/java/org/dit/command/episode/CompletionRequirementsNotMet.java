package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: A completed course needs the ending phase and a shared goodbye letter. */
public class CompletionRequirementsNotMet extends RuleViolation {

    public CompletionRequirementsNotMet(String detail) {
        super("completion-requirements-not-met", "A completed course needs the ending phase and a shared goodbye letter", detail);
    }
}
