package org.dit.query.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may see the ids that lead to a client (episode and client ids) in the lists of waiting clients: administrators
 * and supervisors. Reporting reads the same lists as aggregates: the rows stay (waits, priorities, dates), the ids go.
 */
public final class ClientIdentifiers {

    private ClientIdentifiers() {
    }

    public static boolean mayBeShownTo(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals("ROLE_ADMIN") || role.equals("ROLE_SUPERVISOR"));
    }
}
