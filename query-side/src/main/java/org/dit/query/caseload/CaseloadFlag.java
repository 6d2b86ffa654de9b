package org.dit.query.caseload;

/**
 * DESIGN §2. All but {@link #RISK_REVIEW_OVERDUE} follow from the episode's events and are kept with its caseload row;
 * that one depends on the day and is added when the caseload is read.
 */
public enum CaseloadFlag {
    FOCUS_OVERDUE, TWO_CONSECUTIVE_MISSED, GOODBYE_LETTER_DUE, RELIABLE_DETERIORATION, RISK_HIGH, PHQ9_ITEM9_POSITIVE,
    RISK_REVIEW_OVERDUE
}
