package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The period report's rates (docs/design.md §3): fractions, and null when their denominator is 0. */
class OutcomeReportTest {

    private static final String MONTH = "2026-05";
    private static final double TOLERANCE = 1e-9;

    /** A typical month: 12 paired finished courses started at caseness. */
    private static final long ENDED = 30;
    private static final long FINISHED = 20;
    private static final long PAIRED_FINISHED = 16;
    private static final long NOT_AT_CASENESS = 4;
    private static final long RECOVERED = 6;
    private static final long RELIABLY_IMPROVED = 8;
    private static final long RELIABLY_RECOVERED = 3;
    private static final long RELIABLY_DETERIORATED = 2;
    private static final long WITHIN_6_WEEKS = 15;
    private static final long WITHIN_18_WEEKS = 19;
    private static final long OVER_28_DAYS = 5;
    private static final long OVER_90_DAYS = 1;
    private static final long NONE = 0;

    private static OutcomeReport typicalMonth() {
        return OutcomeReport.of(MONTH, ENDED, FINISHED, PAIRED_FINISHED, NOT_AT_CASENESS, RECOVERED, RELIABLY_IMPROVED,
                RELIABLY_RECOVERED, RELIABLY_DETERIORATED, WITHIN_6_WEEKS, WITHIN_18_WEEKS, OVER_28_DAYS, OVER_90_DAYS);
    }

    @Test
    void givenATypicalMonth_whenReported_thenRecoveryIsOverPairedFinishedStartedAtCaseness() {
        OutcomeReport report = typicalMonth();

        assertThat(report.recoveryRate()).isCloseTo((double) RECOVERED / (PAIRED_FINISHED - NOT_AT_CASENESS), within(TOLERANCE));
        assertThat(report.reliableRecoveryRate())
                .isCloseTo((double) RELIABLY_RECOVERED / (PAIRED_FINISHED - NOT_AT_CASENESS), within(TOLERANCE));
    }

    @Test
    void givenATypicalMonth_whenReported_thenImprovementAndDeteriorationAreOverPairedFinished() {
        OutcomeReport report = typicalMonth();

        assertThat(report.reliableImprovementRate()).isCloseTo((double) RELIABLY_IMPROVED / PAIRED_FINISHED, within(TOLERANCE));
        assertThat(report.reliableDeteriorationRate())
                .isCloseTo((double) RELIABLY_DETERIORATED / PAIRED_FINISHED, within(TOLERANCE));
    }

    @Test
    void givenATypicalMonth_whenReported_thenWaitsAndPairingAreOverFinishedCourses() {
        OutcomeReport report = typicalMonth();

        assertThat(report.within6WeeksRate()).isCloseTo((double) WITHIN_6_WEEKS / FINISHED, within(TOLERANCE));
        assertThat(report.within18WeeksRate()).isCloseTo((double) WITHIN_18_WEEKS / FINISHED, within(TOLERANCE));
        assertThat(report.pairedRate()).isCloseTo((double) PAIRED_FINISHED / FINISHED, within(TOLERANCE));
        assertThat(report.firstToSecondOver28Days()).isEqualTo(OVER_28_DAYS);
        assertThat(report.firstToSecondOver90Days()).isEqualTo(OVER_90_DAYS);
    }

    @Test
    void givenATypicalMonth_whenReported_thenTheCountsArePassedThrough() {
        OutcomeReport report = typicalMonth();

        assertThat(report.month()).isEqualTo(MONTH);
        assertThat(report.ended()).isEqualTo(ENDED);
        assertThat(report.finishedCourse()).isEqualTo(FINISHED);
        assertThat(report.pairedFinished()).isEqualTo(PAIRED_FINISHED);
        assertThat(report.notAtCaseness()).isEqualTo(NOT_AT_CASENESS);
        assertThat(report.recovered()).isEqualTo(RECOVERED);
        assertThat(report.reliablyImproved()).isEqualTo(RELIABLY_IMPROVED);
        assertThat(report.reliablyRecovered()).isEqualTo(RELIABLY_RECOVERED);
        assertThat(report.reliablyDeteriorated()).isEqualTo(RELIABLY_DETERIORATED);
        assertThat(report.firstTreatmentWithin6Weeks()).isEqualTo(WITHIN_6_WEEKS);
        assertThat(report.firstTreatmentWithin18Weeks()).isEqualTo(WITHIN_18_WEEKS);
    }

    @Test
    void givenEveryPairedFinishedCourseRecovered_whenReported_thenTheRateIsOneNotAHundred() {
        long startedAtCaseness = PAIRED_FINISHED - NOT_AT_CASENESS;

        OutcomeReport report = OutcomeReport.of(MONTH, ENDED, FINISHED, PAIRED_FINISHED, NOT_AT_CASENESS, startedAtCaseness,
                PAIRED_FINISHED, startedAtCaseness, NONE, FINISHED, FINISHED, NONE, NONE);

        assertThat(report.recoveryRate()).isEqualTo(1.0);
        assertThat(report.reliableRecoveryRate()).isEqualTo(1.0);
        assertThat(report.reliableImprovementRate()).isEqualTo(1.0);
        assertThat(report.reliableDeteriorationRate()).isEqualTo(0.0);
        assertThat(report.within6WeeksRate()).isEqualTo(1.0);
    }

    @Test
    void givenNothingEndedInThePeriod_whenReported_thenEveryRateIsNull() {
        OutcomeReport report = OutcomeReport.of(null, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE);

        assertThat(report.recoveryRate()).isNull();
        assertThat(report.reliableRecoveryRate()).isNull();
        assertThat(report.reliableImprovementRate()).isNull();
        assertThat(report.reliableDeteriorationRate()).isNull();
        assertThat(report.pairedRate()).isNull();
        assertThat(report.within6WeeksRate()).isNull();
        assertThat(report.within18WeeksRate()).isNull();
    }

    @Test
    void givenEveryPairedFinishedCourseNotAtCaseness_whenReported_thenRecoveryRatesAreNullButChangeRatesAreNot() {
        OutcomeReport report = OutcomeReport.of(MONTH, ENDED, FINISHED, PAIRED_FINISHED, PAIRED_FINISHED, NONE,
                RELIABLY_IMPROVED, NONE, RELIABLY_DETERIORATED, WITHIN_6_WEEKS, WITHIN_18_WEEKS, OVER_28_DAYS, OVER_90_DAYS);

        assertThat(report.recoveryRate()).isNull();
        assertThat(report.reliableRecoveryRate()).isNull();
        assertThat(report.reliableImprovementRate()).isCloseTo((double) RELIABLY_IMPROVED / PAIRED_FINISHED, within(TOLERANCE));
        assertThat(report.reliableDeteriorationRate())
                .isCloseTo((double) RELIABLY_DETERIORATED / PAIRED_FINISHED, within(TOLERANCE));
    }

    @Test
    void givenFinishedCoursesButNonePaired_whenReported_thenFlagRatesAreNullAndThePairedRateIsZero() {
        OutcomeReport report = OutcomeReport.of(MONTH, ENDED, FINISHED, NONE, NONE, NONE, NONE, NONE, NONE, WITHIN_6_WEEKS,
                WITHIN_18_WEEKS, OVER_28_DAYS, OVER_90_DAYS);

        assertThat(report.recoveryRate()).isNull();
        assertThat(report.reliableImprovementRate()).isNull();
        assertThat(report.reliableDeteriorationRate()).isNull();
        assertThat(report.pairedRate()).isEqualTo(0.0);
        assertThat(report.within6WeeksRate()).isCloseTo((double) WITHIN_6_WEEKS / FINISHED, within(TOLERANCE));
    }

    @Test
    void givenEndedEpisodesButNoFinishedCourse_whenReported_thenWaitRatesAreNull() {
        OutcomeReport report = OutcomeReport.of(MONTH, ENDED, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE,
                NONE);

        assertThat(report.ended()).isEqualTo(ENDED);
        assertThat(report.within6WeeksRate()).isNull();
        assertThat(report.within18WeeksRate()).isNull();
        assertThat(report.pairedRate()).isNull();
    }
}
