package org.dit.command;

/** Input that no state of the record could make valid: a 400 naming the field. */
public class InvalidInput extends RuleViolation {

    private final String field;

    public InvalidInput(String field, String reason) {
        super("invalid-input", "Invalid input", field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }

    @Override
    public int status() {
        return 400;
    }

    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        return value.strip();
    }

    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        return value;
    }
}
