package org.dit.query.outcomes;

import java.time.LocalDate;

/** One report per calendar month of ending, over the episodes that ended in [from, to]. */
public record FindMonthlyOutcomes(LocalDate from, LocalDate to) {
}
