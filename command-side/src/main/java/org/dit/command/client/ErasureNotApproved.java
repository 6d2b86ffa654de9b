package org.dit.command.client;

import org.dit.command.RuleViolation;

/** Refusal: erasing a record registered in error needs a supervisor's approval, given by someone else. */
public class ErasureNotApproved extends RuleViolation {

    public ErasureNotApproved(String detail) {
        super("erasure-not-approved", "The erasure has no supervisor's approval", detail);
    }
}
