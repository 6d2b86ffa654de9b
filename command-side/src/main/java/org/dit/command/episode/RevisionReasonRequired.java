package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: Revising the agreed focus needs a reason. */
public class RevisionReasonRequired extends RuleViolation {

    public RevisionReasonRequired(String detail) {
        super("revision-reason-required", "Revising the agreed focus needs a reason", detail);
    }
}
