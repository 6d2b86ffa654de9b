package org.dit.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a risk assessment within its episode; its {@code toString()} is the bare UUID. */
public record RiskAssessmentId(UUID value) implements Identifier {

    public RiskAssessmentId {
        Objects.requireNonNull(value, "risk assessment id");
    }

    public static RiskAssessmentId of(String value) {
        return new RiskAssessmentId(UUID.fromString(value));
    }

    public static RiskAssessmentId random() {
        return new RiskAssessmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
