package org.dit.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a measure; its {@code toString()} is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record MeasureId(UUID value) implements Identifier {

    public MeasureId {
        Objects.requireNonNull(value, "measure id");
    }

    public static MeasureId of(String value) {
        return new MeasureId(UUID.fromString(value));
    }

    public static MeasureId random() {
        return new MeasureId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
