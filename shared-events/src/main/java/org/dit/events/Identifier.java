package org.dit.events;

import java.util.UUID;

/** A typed identifier: serialised as its bare UUID in events and in the API. */
public interface Identifier {
    UUID value();
}
