package org.dit.events.episode;

/** REFERRED → WAITING (assessed suitable) → IN_THERAPY (therapist allocated) → ENDED. */
public enum EpisodeStatus {
    REFERRED, WAITING, IN_THERAPY, ENDED
}
