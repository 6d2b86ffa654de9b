package org.dit.query.caseload;

/** Every therapist's caseload in summary. */
public record FindCaseloads() {
}
