package org.dit.personaldata;

import java.util.Optional;
import java.util.UUID;

/** The clients' data keys, as the cipher needs them. */
interface DataKeys {

    /** The client's key, made when they have none; refused once it was destroyed. */
    byte[] forWriting(UUID clientId);

    /** The client's key; empty once destroyed (or never made). */
    Optional<byte[]> find(UUID clientId);
}
