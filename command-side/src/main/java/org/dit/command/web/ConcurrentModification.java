package org.dit.command.web;

import org.dit.command.RuleViolation;

/** Refusal: the record changed under the command twice in a row. */
class ConcurrentModification extends RuleViolation {

    ConcurrentModification(String detail) {
        super("concurrent-modification", "The record was changed by another request", detail);
    }
}
