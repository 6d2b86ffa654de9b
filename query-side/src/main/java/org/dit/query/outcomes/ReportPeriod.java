package org.dit.query.outcomes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.dit.query.InvalidQuery;

/**
 * The period [from, to] of an outcome report, both clinic dates inclusive. Without {@code to} it ends today; without
 * {@code from} it starts on the first day of the month eleven months before the month of {@code to}: so by default the
 * last twelve calendar months, the current one up to today (issue 15 §6).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_MONTHS = 12;
    /** A monthly report covers at most this many months: the 20 years a clinical record is kept. */
    public static final int MAX_MONTHS = 240;

    /** The earliest date a report may name: no clinical date is earlier (the command side refuses them). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public static ReportPeriod resolve(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today : requireOnCalendar("to", to);
        LocalDate start = from == null ? end.withDayOfMonth(1).minusMonths(DEFAULT_MONTHS - 1) : requireOnCalendar("from", from);
        if (end.isBefore(start)) {
            throw new InvalidQuery("to", "is before from");
        }
        return new ReportPeriod(start, end);
    }

    private static LocalDate requireOnCalendar(String field, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidQuery(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    /** The calendar months the period touches. */
    public long months() {
        return ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
    }

    /** For the monthly report: one row per month, so a bounded number of them. */
    public ReportPeriod requireMonthsAtMost(int max) {
        if (months() > max) {
            throw new InvalidQuery("from", "a monthly report covers at most " + max + " months");
        }
        return this;
    }
}
