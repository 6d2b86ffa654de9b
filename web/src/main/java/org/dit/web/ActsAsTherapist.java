package org.dit.web;

import java.util.UUID;

/**
 * A signed-in user who may act as a therapist: the pages that show "my" diary and caseload ask it for the therapist id.
 * Implemented by the service's password users (infra's security), so this module needs nothing of how users sign in.
 */
public interface ActsAsTherapist {

    /** The therapist the user acts as, or null for a user who is nobody's therapist. */
    UUID therapistId();
}
