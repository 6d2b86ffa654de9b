package org.dit.query.client;

/** Whether a client id has a client record, and whether its personal data was erased. */
public enum ClientStatus {
    /** A registered client. */
    REGISTERED,
    /** Named by episodes referred before clients were registered, with no client record (yet linked to none). */
    UNREGISTERED,
    /** Erased: the client's personal data is gone (crypto-shredded); their episodes and scores remain, pseudonymous. */
    FORGOTTEN
}
