package org.dit.command.web;

import org.dit.command.RuleViolation;

/** Refusal: an Idempotency-Key sent again with a different request. */
class IdempotencyKeyReused extends RuleViolation {

    IdempotencyKeyReused(String detail) {
        super("idempotency-key-reused", "Idempotency-Key reused with another request", detail);
    }

    @Override
    public int status() {
        return 422;
    }
}
