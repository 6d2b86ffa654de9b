package org.dit.command.therapist;

import org.dit.command.RuleViolation;

/** Refusal: the new maximum caseload is the one the therapist has already. */
public class MaxCaseloadUnchanged extends RuleViolation {

    public MaxCaseloadUnchanged(String detail) {
        super("max-caseload-unchanged", "The therapist already has that maximum caseload", detail);
    }
}
