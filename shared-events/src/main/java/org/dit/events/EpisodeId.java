package org.dit.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a episode; its {@code toString()} is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record EpisodeId(UUID value) implements Identifier {

    public EpisodeId {
        Objects.requireNonNull(value, "episode id");
    }

    public static EpisodeId of(String value) {
        return new EpisodeId(UUID.fromString(value));
    }

    public static EpisodeId random() {
        return new EpisodeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
