package org.dit.query.outcomes;

import java.time.LocalDate;
import java.util.UUID;

/** Outcomes of the episodes that ended in [from, to], both inclusive; therapistId optional. */
public record FindOutcomes(LocalDate from, LocalDate to, UUID therapistId) {
}
