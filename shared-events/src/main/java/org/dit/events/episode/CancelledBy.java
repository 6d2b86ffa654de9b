package org.dit.events.episode;

public enum CancelledBy {
    CLIENT, THERAPIST, SERVICE
}
