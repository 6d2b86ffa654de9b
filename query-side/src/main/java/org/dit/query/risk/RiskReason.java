package org.dit.query.risk;

/** Why an episode is on the supervisor's risk worklist, most urgent first (DESIGN §2, risk). */
public enum RiskReason {
    /** A PHQ-9 answered item 9 with 1 or more and no risk assessment has followed it. */
    PHQ9_ITEM9_POSITIVE,
    /** An URGENT referral still not assessed, neither for suitability nor for risk, beyond the days allowed. */
    URGENT_REFERRAL_NOT_ASSESSED,
    /** The latest risk assessment's review date has passed while the episode is open. */
    RISK_REVIEW_OVERDUE
}
