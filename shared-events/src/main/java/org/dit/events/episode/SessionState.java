package org.dit.events.episode;

public enum SessionState {
    BOOKED, ATTENDED, MISSED, CANCELLED
}
