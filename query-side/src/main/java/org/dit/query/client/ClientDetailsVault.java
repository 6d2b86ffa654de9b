package org.dit.query.client;

import java.util.Optional;
import java.util.UUID;

/**
 * Seals a client's details for the read model under the client's own data key, and opens them again; once the key is
 * destroyed (erasure) nothing opens. Implemented by the service's key management.
 */
public interface ClientDetailsVault {

    byte[] seal(UUID clientId, byte[] plain);

    /** Empty once the client's data key was destroyed. */
    Optional<byte[]> open(UUID clientId, byte[] sealed);
}
