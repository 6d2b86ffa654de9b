package org.dit.query.therapists;

/** Every therapist, active or not, with their caseload. */
public record FindTherapists() {
}
