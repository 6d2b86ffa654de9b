package org.dit.query.outcomes;

import java.time.LocalDate;
import java.util.UUID;

/** The report of the period [from, to], both inclusive (docs/design.md §3); therapistId optional. */
public record FindOutcomes(LocalDate from, LocalDate to, UUID therapistId) {
}
