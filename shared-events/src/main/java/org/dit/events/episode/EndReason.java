package org.dit.events.episode;

public enum EndReason {
    COMPLETED, DROPPED_OUT, CLIENT_WITHDREW, REFERRED_ON, NOT_SUITABLE, OTHER
}
