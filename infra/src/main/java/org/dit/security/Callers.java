package org.dit.security;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The therapist id a signed-in user acts as: from the configured user, or the {@code therapist_id} claim of a JWT. */
final class Callers {

    static final String THERAPIST_ID_CLAIM = "therapist_id";

    private Callers() {
    }

    static UUID therapistId(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        if (authentication.getPrincipal() instanceof DitUser user) {
            return user.therapistId();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String claim = jwt.getToken().getClaimAsString(THERAPIST_ID_CLAIM);
            try {
                return claim == null ? null : UUID.fromString(claim);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    static boolean has(Authentication authentication, Role role) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> role.authority().equals(a.getAuthority()));
    }
}
