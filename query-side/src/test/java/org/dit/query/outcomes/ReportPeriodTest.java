package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.dit.query.InvalidQuery;
import org.junit.jupiter.api.Test;

/** The period of an outcome report: by default the last 12 calendar months up to today (issue 15 §6). */
class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void givenNeitherFromNorTo_whenResolved_thenTheTwelveCalendarMonthsUpToToday() {
        ReportPeriod period = ReportPeriod.resolve(null, null, TODAY);

        assertThat(period.from()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(period.to()).isEqualTo(TODAY);
        assertThat(period.months()).isEqualTo(12);
    }

    @Test
    void givenOnlyTo_whenResolved_thenTheTwelveCalendarMonthsEndingThen() {
        ReportPeriod period = ReportPeriod.resolve(null, LocalDate.of(2024, 12, 31), TODAY);

        assertThat(period.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(period.months()).isEqualTo(12);
    }

    @Test
    void givenOnlyFrom_whenResolved_thenItRunsToToday() {
        ReportPeriod period = ReportPeriod.resolve(LocalDate.of(2026, 1, 10), null, TODAY);

        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(period.to()).isEqualTo(TODAY);
        assertThat(period.months()).isEqualTo(6);
    }

    @Test
    void givenToBeforeFrom_whenResolved_thenInvalidNamingTo() {
        assertThatThrownBy(() -> ReportPeriod.resolve(TODAY.plusDays(1), TODAY, TODAY))
                .isInstanceOf(InvalidQuery.class).extracting("field").isEqualTo("to");
    }

    @Test
    void givenDatesOffTheClinicalCalendar_whenResolved_thenInvalidNamingTheField() {
        assertThatThrownBy(() -> ReportPeriod.resolve(null, LocalDate.MIN, TODAY)).isInstanceOf(InvalidQuery.class)
                .extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> ReportPeriod.resolve(null, LocalDate.MAX, TODAY)).isInstanceOf(InvalidQuery.class)
                .extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> ReportPeriod.resolve(LocalDate.of(1899, 12, 31), TODAY, TODAY))
                .isInstanceOf(InvalidQuery.class).extracting("field").isEqualTo("from");
        assertThat(ReportPeriod.resolve(ReportPeriod.EARLIEST, ReportPeriod.LATEST, TODAY).to()).isEqualTo(ReportPeriod.LATEST);
    }

    @Test
    void givenTwentyYearsOfMonths_whenAMonthlyReportIsAsked_thenAllowedButOneMoreIsNot() {
        ReportPeriod twentyYears = ReportPeriod.resolve(LocalDate.of(2006, 7, 31), LocalDate.of(2026, 6, 1), TODAY);
        ReportPeriod oneMore = ReportPeriod.resolve(LocalDate.of(2006, 6, 30), LocalDate.of(2026, 6, 1), TODAY);

        assertThat(twentyYears.requireMonthsAtMost(ReportPeriod.MAX_MONTHS).months()).isEqualTo(240);
        assertThatThrownBy(() -> oneMore.requireMonthsAtMost(ReportPeriod.MAX_MONTHS)).isInstanceOf(InvalidQuery.class)
                .extracting("field").isEqualTo("from");
    }
}
