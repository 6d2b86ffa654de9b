package org.dit.query.risk;

import java.time.LocalDate;

/** The risk worklist as of a clinic date (today), with the days an URGENT referral may wait for assessment. */
public record FindRiskWorklist(LocalDate asOf, int urgentAssessmentDays) {
}
