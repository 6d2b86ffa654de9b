package org.dit.query.outcomes;

import java.time.LocalDate;

/** One report per calendar month that [from, to] touches, each cut to [from, to]; months where nothing happened give zeros. */
public record FindMonthlyOutcomes(LocalDate from, LocalDate to) {
}
