package org.dit.query;

/** A query parameter no read model could make sense of: a 400 naming the parameter. */
public class InvalidQuery extends QueryRefused {

    private final String field;
    private final String reason;

    public InvalidQuery(String field, String reason) {
        super(400, "invalid-input", "Invalid input", field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
