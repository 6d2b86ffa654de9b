package org.dit.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a client; its {@code toString()} is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record ClientId(UUID value) implements Identifier {

    public ClientId {
        Objects.requireNonNull(value, "client id");
    }

    public static ClientId of(String value) {
        return new ClientId(UUID.fromString(value));
    }

    public static ClientId random() {
        return new ClientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
