package org.dit.events.episode;

public enum Severity {
    MINIMAL, MILD, MODERATE, MODERATELY_SEVERE, SEVERE
}
