package org.dit.events.episode;

public enum SessionOutcome {
    ATTENDED, MISSED
}
