package org.dit.query.waitinglist;

import java.time.LocalDate;

/** The referrals not yet assessed at the end of a clinic date. */
public record FindAwaitingAssessment(LocalDate asOf) {
}
