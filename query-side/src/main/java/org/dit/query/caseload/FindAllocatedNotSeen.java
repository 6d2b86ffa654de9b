package org.dit.query.caseload;

import java.time.LocalDate;

/** The episodes allocated and not yet seen (no attended session) at the end of a clinic date. */
public record FindAllocatedNotSeen(LocalDate asOf) {
}
