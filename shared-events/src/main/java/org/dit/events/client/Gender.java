package org.dit.events.client;

/** The client's gender identity (NHS data dictionary "Gender Identity Code": 1, 2, 3, 4, X, Z). */
public enum Gender {
    MALE, FEMALE, NON_BINARY, OTHER, NOT_KNOWN, NOT_STATED
}
