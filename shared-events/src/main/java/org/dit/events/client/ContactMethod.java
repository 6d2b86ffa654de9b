package org.dit.events.client;

/** A way the client agreed to be contacted. */
public enum ContactMethod {
    LETTER, PHONE, SMS, EMAIL
}
