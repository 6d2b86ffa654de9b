package org.dit.command;

import java.util.Map;

/**
 * A command refused by a rule. The {@link #type()} is the stable slug of the rule: the API answers
 * {@code /problems/<type>} so that clients can tell the rules apart without parsing text.
 */
public abstract class RuleViolation extends RuntimeException {

    private final String type;
    private final String title;

    protected RuleViolation(String type, String title, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** What the caller needs to act on the refusal (the existing record's id, say), added to the problem document. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** 409 unless the rule is about the shape of the input. */
    public int status() {
        return 409;
    }
}
