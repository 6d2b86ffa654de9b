package org.dit.query.caseload;

public enum CaseloadFlag {
    FOCUS_OVERDUE, TWO_CONSECUTIVE_MISSED, GOODBYE_LETTER_DUE, RELIABLE_DETERIORATION
}
