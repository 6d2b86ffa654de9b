package org.dit.events.client;

/** Why a client's personal data could be erased. */
public enum ErasureGround {
    /** The retention period (dit.retention.years) has passed since the client's last episode ended. */
    RETENTION_PERIOD_ENDED,
    /** The record was registered in error (the wrong person, a duplicate): erased at once, with a supervisor's approval. */
    REGISTERED_IN_ERROR
}
