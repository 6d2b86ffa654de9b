package org.dit.command.client;

import java.util.List;
import java.util.Map;

import org.dit.command.RuleViolation;

/** Refusal: not ten digits with a right modulus-11 check digit (400). */
public class InvalidNhsNumber extends RuleViolation {

    static final String REASON = "is not a valid NHS number (ten digits, the last a modulus-11 check digit)";

    public InvalidNhsNumber() {
        super("invalid-nhs-number", "Invalid NHS number", "nhsNumber: " + REASON);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("invalidParams", List.of(Map.of("name", "nhsNumber", "reason", REASON)));
    }
}
