package org.dit.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a therapist; its {@code toString()} is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record TherapistId(UUID value) implements Identifier {

    public TherapistId {
        Objects.requireNonNull(value, "therapist id");
    }

    public static TherapistId of(String value) {
        return new TherapistId(UUID.fromString(value));
    }

    public static TherapistId random() {
        return new TherapistId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
