package org.dit.query.client;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;

/** Which clients a caller finds: administrators and supervisors all, a therapist only those of their own episodes. */
public interface ClientReadScope {

    /** Empty: every client; otherwise only clients with an episode allocated to this therapist. */
    Optional<UUID> allocatedTherapist(Authentication caller);
}
