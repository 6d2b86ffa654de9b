package org.dit.events.episode;

public enum Priority {
    ROUTINE, URGENT
}
