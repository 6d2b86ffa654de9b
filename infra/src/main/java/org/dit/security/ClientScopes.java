package org.dit.security;

import java.util.Optional;
import java.util.UUID;

import org.dit.query.client.ClientReadScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Administrators and supervisors find every client; anyone else only the clients of their own episodes. */
@Component
class ClientScopes implements ClientReadScope {

    /** Matches no therapist: a caller who is no therapist of record finds nobody. */
    private static final UUID NOBODY = new UUID(0L, 0L);

    @Override
    public Optional<UUID> allocatedTherapist(Authentication caller) {
        if (Callers.has(caller, Role.ADMIN) || Callers.has(caller, Role.SUPERVISOR)) {
            return Optional.empty();
        }
        UUID therapistId = Callers.therapistId(caller);
        return Optional.of(therapistId == null || !Callers.has(caller, Role.THERAPIST) ? NOBODY : therapistId);
    }
}
