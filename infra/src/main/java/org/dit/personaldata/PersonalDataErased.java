package org.dit.personaldata;

import java.util.UUID;

/** Personal data about an erased client cannot be written: their data key is destroyed. */
public class PersonalDataErased extends RuntimeException {

    private final UUID clientId;

    PersonalDataErased(UUID clientId) {
        super("client " + clientId + " was erased: nothing more can be recorded about them");
        this.clientId = clientId;
    }

    public UUID clientId() {
        return clientId;
    }
}
