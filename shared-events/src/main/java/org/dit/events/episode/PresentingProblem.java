package org.dit.events.episode;

public enum PresentingProblem {
    DEPRESSION, ANXIETY, MIXED, OTHER
}
