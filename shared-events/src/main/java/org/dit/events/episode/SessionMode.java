package org.dit.events.episode;

public enum SessionMode {
    IN_PERSON, VIDEO, PHONE
}
