package org.dit.events.episode;

/** A clinician's judgement of risk, overall or in one domain (to self, to others, from others). */
public enum RiskLevel {
    LOW, MODERATE, HIGH
}
