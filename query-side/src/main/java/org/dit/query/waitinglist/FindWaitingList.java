package org.dit.query.waitinglist;

import java.time.LocalDate;

/** The waiting list as it stood at the end of a clinic date. */
public record FindWaitingList(LocalDate asOf) {
}
