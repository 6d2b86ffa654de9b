package org.dit.command.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

/** Who is asking: the authenticated user, or {@code anonymous} while the service runs without access control. */
final class Actors {

    static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    static String of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null && principal.getName() != null ? principal.getName() : ANONYMOUS;
    }
}
