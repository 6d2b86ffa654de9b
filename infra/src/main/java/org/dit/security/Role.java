package org.dit.security;

/** What each kind of user may do: see README "Access control". */
public enum Role {
    ADMIN, THERAPIST, SUPERVISOR, AUDITOR, REPORTING;

    public String authority() {
        return "ROLE_" + name();
    }
}
