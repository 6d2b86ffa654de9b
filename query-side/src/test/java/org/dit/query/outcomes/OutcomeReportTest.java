package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dit.query.facts.EpisodeHistories.CLINIC_ZONE;
import static org.dit.query.facts.EpisodeHistories.FIRST_SESSION_ON;
import static org.dit.query.facts.EpisodeHistories.referred;

import java.time.LocalDate;
import java.util.List;

import org.dit.events.episode.EndReason;
import org.dit.events.episode.Instrument;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The period report (docs/design.md §3): rates over finished courses, whether paired or not, recovery over those not "not at
 * caseness"; fractions, null when their denominator is 0.
 */
class OutcomeReportTest {

    private static final String MONTH = "2026-05";
    private static final LocalDate FROM = LocalDate.of(2026, 5, 1);
    private static final LocalDate TO = LocalDate.of(2026, 5, 31);
    private static final double TOLERANCE = 1e-9;
    private static final long NONE = 0;

    /** A typical month: 20 finished courses, 16 of them paired, 4 not at caseness. */
    private static final long REFERRALS = 40;
    private static final long FIRST_TREATMENTS = 25;
    private static final long ENDED = 30;
    private static final long ENDED_BEFORE_TREATMENT = 6;
    private static final long ENDED_AFTER_ONE_SESSION = 4;
    private static final long FINISHED = 20;
    private static final long PAIRED_FINISHED = 16;
    private static final long NOT_AT_CASENESS = 4;
    private static final long RECOVERED = 6;
    private static final long RELIABLY_IMPROVED = 8;
    private static final long RELIABLY_RECOVERED = 3;
    private static final long RELIABLY_DETERIORATED = 2;
    private static final long WITHIN_6_WEEKS = 15;
    private static final long WITHIN_18_WEEKS = 19;
    private static final long SECOND_TREATMENTS = 24;
    private static final long OVER_28_DAYS = 5;
    private static final long OVER_90_DAYS = 2;

    private static OutcomeReport typicalMonth() {
        return OutcomeReport.of(MONTH, FROM, TO, new OutcomeReport.Counts(REFERRALS, FIRST_TREATMENTS, ENDED,
                ENDED_BEFORE_TREATMENT, ENDED_AFTER_ONE_SESSION, FINISHED, PAIRED_FINISHED, NOT_AT_CASENESS, RECOVERED,
                RELIABLY_IMPROVED, RELIABLY_RECOVERED, RELIABLY_DETERIORATED, WITHIN_6_WEEKS, WITHIN_18_WEEKS,
                SECOND_TREATMENTS, OVER_28_DAYS, OVER_90_DAYS));
    }

    private static OutcomeReport.Counts endedOnly(long ended, long finished, long paired, long notAtCaseness) {
        return new OutcomeReport.Counts(NONE, NONE, ended, NONE, NONE, finished, paired, notAtCaseness, NONE, NONE, NONE,
                NONE, NONE, NONE, NONE, NONE, NONE);
    }

    @Nested
    class FromCounts {

        @Test
        void givenATypicalMonth_whenReported_thenRecoveryIsOverFinishedCoursesLessThoseNotAtCaseness() {
            OutcomeReport report = typicalMonth();

            assertThat(report.recoveryRate()).isCloseTo((double) RECOVERED / (FINISHED - NOT_AT_CASENESS), within(TOLERANCE));
            assertThat(report.reliableRecoveryRate())
                    .isCloseTo((double) RELIABLY_RECOVERED / (FINISHED - NOT_AT_CASENESS), within(TOLERANCE));
        }

        @Test
        void givenATypicalMonth_whenReported_thenImprovementAndDeteriorationAreOverFinishedCoursesPairedOrNot() {
            OutcomeReport report = typicalMonth();

            assertThat(report.reliableImprovementRate()).isCloseTo((double) RELIABLY_IMPROVED / FINISHED, within(TOLERANCE));
            assertThat(report.reliableDeteriorationRate())
                    .isCloseTo((double) RELIABLY_DETERIORATED / FINISHED, within(TOLERANCE));
        }

        @Test
        void givenATypicalMonth_whenReported_thenWaitsAndPairingAreOverFinishedCourses() {
            OutcomeReport report = typicalMonth();

            assertThat(report.within6WeeksRate()).isCloseTo((double) WITHIN_6_WEEKS / FINISHED, within(TOLERANCE));
            assertThat(report.within18WeeksRate()).isCloseTo((double) WITHIN_18_WEEKS / FINISHED, within(TOLERANCE));
            assertThat(report.pairedRate()).isCloseTo((double) PAIRED_FINISHED / FINISHED, within(TOLERANCE));
        }

        @Test
        void givenATypicalMonth_whenReported_thenTheLongSecondWaitIsOverSecondTreatments() {
            OutcomeReport report = typicalMonth();

            assertThat(report.firstToSecondOver90DaysRate())
                    .isCloseTo((double) OVER_90_DAYS / SECOND_TREATMENTS, within(TOLERANCE));
            assertThat(report.secondTreatments()).isEqualTo(SECOND_TREATMENTS);
            assertThat(report.firstToSecondOver28Days()).isEqualTo(OVER_28_DAYS);
            assertThat(report.firstToSecondOver90Days()).isEqualTo(OVER_90_DAYS);
        }

        @Test
        void givenATypicalMonth_whenReported_thenTheCountsAndThePeriodArePassedThrough() {
            OutcomeReport report = typicalMonth();

            assertThat(report.month()).isEqualTo(MONTH);
            assertThat(report.from()).isEqualTo(FROM);
            assertThat(report.to()).isEqualTo(TO);
            assertThat(report.referralsReceived()).isEqualTo(REFERRALS);
            assertThat(report.firstTreatments()).isEqualTo(FIRST_TREATMENTS);
            assertThat(report.ended()).isEqualTo(ENDED);
            assertThat(report.endedBeforeTreatment()).isEqualTo(ENDED_BEFORE_TREATMENT);
            assertThat(report.endedAfterOneSession()).isEqualTo(ENDED_AFTER_ONE_SESSION);
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
        void givenAnyReport_whenRead_thenItSaysTheGad7StandsInForAnxietyDisorderMeasures() {
            assertThat(typicalMonth().note()).isEqualTo(OutcomeRules.GAD7_NOTE).contains("GAD-7 stands in");
        }

        @Test
        void givenNothingInThePeriod_whenReported_thenEveryRateIsNull() {
            OutcomeReport report = OutcomeReport.of(MONTH, FROM, TO, endedOnly(NONE, NONE, NONE, NONE));

            assertThat(report.recoveryRate()).isNull();
            assertThat(report.reliableRecoveryRate()).isNull();
            assertThat(report.reliableImprovementRate()).isNull();
            assertThat(report.reliableDeteriorationRate()).isNull();
            assertThat(report.pairedRate()).isNull();
            assertThat(report.within6WeeksRate()).isNull();
            assertThat(report.within18WeeksRate()).isNull();
            assertThat(report.firstToSecondOver90DaysRate()).isNull();
        }

        @Test
        void givenEveryFinishedCourseNotAtCaseness_whenReported_thenRecoveryRatesAreNullButChangeRatesAreNot() {
            OutcomeReport report = OutcomeReport.of(MONTH, FROM, TO, endedOnly(ENDED, FINISHED, PAIRED_FINISHED, FINISHED));

            assertThat(report.recoveryRate()).isNull();
            assertThat(report.reliableRecoveryRate()).isNull();
            assertThat(report.reliableImprovementRate()).isZero();
            assertThat(report.reliableDeteriorationRate()).isZero();
        }

        @Test
        void givenFinishedCoursesButNonePaired_whenReported_thenTheRatesAreZeroNotNull() {
            OutcomeReport report = OutcomeReport.of(MONTH, FROM, TO, endedOnly(ENDED, FINISHED, NONE, NONE));

            assertThat(report.recoveryRate()).isZero();
            assertThat(report.reliableImprovementRate()).isZero();
            assertThat(report.reliableDeteriorationRate()).isZero();
            assertThat(report.pairedRate()).isZero();
        }

        @Test
        void givenEndedEpisodesButNoFinishedCourse_whenReported_thenEveryFinishedCourseRateIsNull() {
            OutcomeReport report = OutcomeReport.of(MONTH, FROM, TO, endedOnly(ENDED, NONE, NONE, NONE));

            assertThat(report.ended()).isEqualTo(ENDED);
            assertThat(report.recoveryRate()).isNull();
            assertThat(report.reliableImprovementRate()).isNull();
            assertThat(report.within6WeeksRate()).isNull();
            assertThat(report.pairedRate()).isNull();
        }
    }

    /**
     * Episodes told through their events, their outcomes counted into the period's populations as docs/design.md §3 states
     * them (restated here, independently of the projection), and the rates recomputed: unpaired finished courses and
     * finished courses of unknown caseness stay in the denominators.
     */
    @Nested
    class FromEpisodes {

        private static final int MODERATE_PHQ9 = 14;
        private static final int MODERATE_GAD7 = 11;
        private static final int MINIMAL_PHQ9 = 3;
        private static final int MINIMAL_GAD7 = 2;
        private static final int PHQ9_BELOW_CASENESS = 9;
        private static final int GAD7_BELOW_CASENESS = 7;
        private static final int SEVERE_PHQ9 = 22;
        private static final int TWO_SESSIONS = 2;
        private static final int ONE_SESSION = 1;
        private static final LocalDate SECOND_SESSION_ON = FIRST_SESSION_ON.plusWeeks(1);
        private static final LocalDate ENDED_ON = LocalDate.of(2026, 5, 15);

        /** Paired, at caseness, recovered and reliably improved. */
        private static EpisodeHistory recovered() {
            return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7).attendedOn(FIRST_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7)
                    .attendedOn(SECOND_SESSION_ON).endedOn(ENDED_ON, EndReason.DROPPED_OUT);
        }

        /** Paired, not at caseness (PHQ-9 9, GAD-7 7), reliably improved on the PHQ-9. */
        private static EpisodeHistory notAtCaseness() {
            return referred().assessed(PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS)
                    .attendedOn(FIRST_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7).attendedOn(SECOND_SESSION_ON)
                    .endedOn(ENDED_ON, EndReason.COMPLETED);
        }

        /** At caseness and below it at the end on the PHQ-9, but a GAD-7 only at assessment: unpaired, not recovered. */
        private static EpisodeHistory unpaired() {
            return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7)
                    .attendedOn(FIRST_SESSION_ON, Instrument.PHQ9, MINIMAL_PHQ9).attendedOn(SECOND_SESSION_ON)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT);
        }

        /** The only PHQ-9 entered in error, the GAD-7 below caseness: caseness unknown, not "not at caseness". */
        private static EpisodeHistory casenessUnknown() {
            return referred().assessed(SEVERE_PHQ9, GAD7_BELOW_CASENESS).firstMeasureEnteredInError(Instrument.PHQ9)
                    .attendedOn(FIRST_SESSION_ON, Instrument.GAD7, MINIMAL_GAD7).attendedOn(SECOND_SESSION_ON)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT);
        }

        private static EpisodeHistory endedAfterOneSession() {
            return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7).attendedWeekly(ONE_SESSION)
                    .endedOn(ENDED_ON, EndReason.CLIENT_WITHDREW);
        }

        private static EpisodeHistory endedBeforeTreatment() {
            return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7).endedOn(ENDED_ON, EndReason.CLIENT_WITHDREW);
        }

        /** The counts of docs/design.md §3 over episodes that all ended in the period. */
        private static OutcomeReport.Counts counted(List<EpisodeHistory> episodes) {
            long ended = 0;
            long beforeTreatment = 0;
            long afterOne = 0;
            long finished = 0;
            long paired = 0;
            long notAtCaseness = 0;
            long recovered = 0;
            long improved = 0;
            long reliablyRecovered = 0;
            long deteriorated = 0;
            for (EpisodeHistory episode : episodes) {
                EpisodeOutcome o = OutcomeRules.of(episode.facts(), CLINIC_ZONE);
                int attended = episode.facts().attendedSessions().size();
                ended++;
                beforeTreatment += attended == 0 ? 1 : 0;
                afterOne += attended == 1 ? 1 : 0;
                if (attended < TWO_SESSIONS) {
                    continue;
                }
                finished++;
                paired += o.paired() ? 1 : 0;
                boolean bothFirstScoresBelow = o.firstPhq9() != null && o.firstGad7() != null
                        && o.firstPhq9() < OutcomeRules.PHQ9_CASENESS && o.firstGad7() < OutcomeRules.GAD7_CASENESS;
                notAtCaseness += bothFirstScoresBelow ? 1 : 0;
                recovered += o.recovered() ? 1 : 0;
                improved += o.reliableImprovement() ? 1 : 0;
                reliablyRecovered += o.reliableRecovery() ? 1 : 0;
                deteriorated += o.reliableDeterioration() ? 1 : 0;
            }
            return new OutcomeReport.Counts(NONE, NONE, ended, beforeTreatment, afterOne, finished, paired, notAtCaseness,
                    recovered, improved, reliablyRecovered, deteriorated, NONE, NONE, NONE, NONE, NONE);
        }

        private static OutcomeReport reportOf(EpisodeHistory... episodes) {
            return OutcomeReport.of(MONTH, FROM, TO, counted(List.of(episodes)));
        }

        @Test
        void givenAnUnpairedFinishedCourse_whenReported_thenItCountsInEveryDenominatorAndNoNumerator() {
            OutcomeReport report = reportOf(recovered(), notAtCaseness(), unpaired());

            assertThat(report.finishedCourse()).isEqualTo(3);
            assertThat(report.pairedFinished()).isEqualTo(2);
            assertThat(report.notAtCaseness()).isEqualTo(1);
            assertThat(report.recovered()).isEqualTo(1);
            assertThat(report.recoveryRate()).as("1 of 2 at caseness, not 1 of 1 paired").isEqualTo(0.5);
            assertThat(report.reliableImprovementRate()).as("2 of 3 finished, not 2 of 2 paired")
                    .isCloseTo(2.0 / 3, within(TOLERANCE));
            assertThat(report.reliableDeteriorationRate()).isZero();
            assertThat(report.pairedRate()).isCloseTo(2.0 / 3, within(TOLERANCE));
        }

        @Test
        void givenAFinishedCourseOfUnknownCaseness_whenReported_thenItStaysInTheRecoveryDenominator() {
            OutcomeReport report = reportOf(recovered(), notAtCaseness(), casenessUnknown());

            assertThat(OutcomeRules.of(casenessUnknown().facts(), CLINIC_ZONE).atCaseness()).isNull();
            assertThat(report.notAtCaseness()).as("unknown is not 'not at caseness'").isEqualTo(1);
            assertThat(report.recoveryRate()).as("1 of (3 finished - 1 not at caseness)").isEqualTo(0.5);
            assertThat(report.reliableRecoveryRate()).isEqualTo(0.5);
        }

        @Test
        void givenEveryKindOfEnding_whenReported_thenEachRateIsRecomputedOverItsPopulation() {
            OutcomeReport report = reportOf(recovered(), notAtCaseness(), unpaired(), casenessUnknown(),
                    endedAfterOneSession(), endedBeforeTreatment());

            assertThat(report.ended()).isEqualTo(6);
            assertThat(report.endedBeforeTreatment()).isEqualTo(1);
            assertThat(report.endedAfterOneSession()).isEqualTo(1);
            assertThat(report.finishedCourse()).isEqualTo(4);
            assertThat(report.pairedFinished()).isEqualTo(2);
            assertThat(report.notAtCaseness()).isEqualTo(1);
            // recovered: only the paired one at caseness; reliably improved: both paired ones
            assertThat(report.recoveryRate()).isCloseTo(1.0 / 3, within(TOLERANCE));
            assertThat(report.reliableRecoveryRate()).isCloseTo(1.0 / 3, within(TOLERANCE));
            assertThat(report.reliableImprovementRate()).isEqualTo(0.5);
            assertThat(report.reliableDeteriorationRate()).isZero();
            assertThat(report.pairedRate()).isEqualTo(0.5);
        }
    }
}
