package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.ASSESSED_ON;
import static org.dit.query.facts.EpisodeHistories.CLINIC_ZONE;
import static org.dit.query.facts.EpisodeHistories.DAYS_BETWEEN_WEEKLY_SESSIONS;
import static org.dit.query.facts.EpisodeHistories.FIRST_SESSION_ON;
import static org.dit.query.facts.EpisodeHistories.REFERRED_ON;
import static org.dit.query.facts.EpisodeHistories.referred;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import org.dit.events.episode.EndReason;
import org.dit.events.episode.Instrument;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link OutcomeRules#of}: an episode's history, folded into facts, gives its NHS Talking Therapies outcome. */
class EpisodeOutcomeTest {

    private static final int MODERATE_PHQ9 = 14;
    private static final int MODERATE_GAD7 = 11;
    private static final int MILD_PHQ9 = 7;
    private static final int MILD_GAD7 = 6;
    private static final int MINIMAL_PHQ9 = 3;
    private static final int MINIMAL_GAD7 = 2;
    private static final int NO_DEPRESSIVE_SYMPTOMS = 0;
    private static final int SEVERE_PHQ9 = 22;
    private static final int SEVERE_GAD7 = 17;
    private static final int PHQ9_BELOW_CASENESS = 9;
    private static final int GAD7_BELOW_CASENESS = 7;

    private static final LocalDate SECOND_SESSION_ON = FIRST_SESSION_ON.plusWeeks(1);
    private static final LocalDate THIRD_SESSION_ON = FIRST_SESSION_ON.plusWeeks(2);
    private static final LocalDate ENDED_ON = LocalDate.of(2026, 6, 1);
    private static final int NO_SESSIONS = 0;
    private static final int ONE_SESSION = 1;
    private static final int TWO_SESSIONS = 2;
    private static final int FIRST_SESSION = 1;
    private static final int SECOND_SESSION = 2;

    private static EpisodeOutcome outcomeOf(EpisodeHistory history) {
        return OutcomeRules.of(history.facts(), CLINIC_ZONE);
    }

    /** Moderate depression and anxiety at assessment. */
    private static EpisodeHistory assessedModerate() {
        return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7);
    }

    /** Assessed moderate, then mild in session 1 and minimal in session 2: paired, recovered, reliably. */
    private static EpisodeHistory recoveringOverTwoSessions() {
        return assessedModerate().attendedOn(FIRST_SESSION_ON, MILD_PHQ9, MILD_GAD7)
                .attendedOn(SECOND_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7);
    }

    @Nested
    class FinishedCourse {

        @Test
        void givenEndedWithNoAttendedSession_whenOutcomeComputed_thenNotAFinishedCourse() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(NO_SESSIONS)
                    .endedOn(ENDED_ON, EndReason.CLIENT_WITHDREW));

            assertThat(outcome.ended()).isTrue();
            assertThat(outcome.finishedCourse()).isFalse();
        }

        @Test
        void givenEndedWithOneAttendedSession_whenOutcomeComputed_thenNotAFinishedCourse() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(ONE_SESSION)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.finishedCourse()).isFalse();
        }

        @Test
        void givenEndedWithTwoAttendedSessions_whenOutcomeComputed_thenAFinishedCourse() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(TWO_SESSIONS)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.finishedCourse()).isTrue();
        }

        @Test
        void givenTwoAttendedSessionsAndStillInTherapy_whenOutcomeComputed_thenNotEndedSoNotFinished() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(TWO_SESSIONS));

            assertThat(outcome.ended()).isFalse();
            assertThat(outcome.finishedCourse()).isFalse();
        }

        @Test
        void givenTwoAttendedSessionsOneCorrectedToMissed_whenEnded_thenNotAFinishedCourse() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(TWO_SESSIONS)
                    .attendanceCorrectedToMissed(SECOND_SESSION).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.finishedCourse()).isFalse();
        }

        @Test
        void givenOneAttendedAndOneMissedCorrectedToAttended_whenEnded_thenAFinishedCourse() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(ONE_SESSION).missedWeekly(ONE_SESSION)
                    .missedCorrectedToAttended(SECOND_SESSION).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.finishedCourse()).isTrue();
        }

        @Test
        void givenOneAttendedAndSeveralMissed_whenEnded_thenMissedSessionsDoNotCountTowardsAFinishedCourse() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(ONE_SESSION).missedWeekly(TWO_SESSIONS)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.finishedCourse()).isFalse();
        }
    }

    @Nested
    class Pairing {

        @Test
        void givenOnlyTheAssessmentMeasures_whenOutcomeComputed_thenNotPairedAndNoFlags() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(TWO_SESSIONS)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.paired()).isFalse();
            assertNoFlags(outcome);
            assertThat(outcome.atCaseness()).as("caseness is told by the first scores, paired or not").isTrue();
            assertThat(outcome.firstPhq9()).isEqualTo(MODERATE_PHQ9);
            assertThat(outcome.lastPhq9()).isEqualTo(MODERATE_PHQ9);
        }

        @Test
        void givenAnUnpairedEpisodeThatFellBelowCaseness_whenOutcomeComputed_thenStillNotRecovered() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON, Instrument.PHQ9, MINIMAL_PHQ9)
                    .attendedOn(SECOND_SESSION_ON).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.finishedCourse()).isTrue();
            assertThat(outcome.paired()).isFalse();
            assertThat(outcome.atCaseness()).isTrue();
            assertNoFlags(outcome);
        }

        @Test
        void givenTwoPhq9ButOneGad7_whenOutcomeComputed_thenNotPaired() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON, Instrument.PHQ9, MINIMAL_PHQ9)
                    .attendedOn(SECOND_SESSION_ON).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.paired()).isFalse();
            assertNoFlags(outcome);
            assertThat(outcome.lastPhq9()).isEqualTo(MINIMAL_PHQ9);
            assertThat(outcome.lastGad7()).isEqualTo(MODERATE_GAD7);
        }

        @Test
        void givenTwoGad7ButOnePhq9_whenOutcomeComputed_thenNotPaired() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON, Instrument.GAD7, MINIMAL_GAD7)
                    .attendedOn(SECOND_SESSION_ON).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.paired()).isFalse();
            assertNoFlags(outcome);
        }

        @Test
        void givenTwoMeasuresOfEachInstrument_whenOutcomeComputed_thenPairedWithEveryFlag() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7)
                    .attendedOn(SECOND_SESSION_ON).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.paired()).isTrue();
            assertThat(outcome.atCaseness()).isTrue();
            assertThat(outcome.recovered()).isTrue();
            assertThat(outcome.reliableImprovement()).isTrue();
            assertThat(outcome.reliableDeterioration()).isFalse();
            assertThat(outcome.reliableRecovery()).isTrue();
        }

        @Test
        void givenTheSecondGad7EnteredInError_whenOutcomeComputed_thenNoLongerPaired() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7)
                    .latestMeasureEnteredInError(Instrument.GAD7).attendedOn(SECOND_SESSION_ON)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.paired()).isFalse();
            assertNoFlags(outcome);
            assertThat(outcome.lastGad7()).isEqualTo(MODERATE_GAD7);
        }

        @Test
        void givenNotAtCasenessAtAssessment_whenPaired_thenNotAtCasenessAndNeverRecovered() {
            EpisodeOutcome outcome = outcomeOf(referred().assessed(PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS)
                    .attendedOn(FIRST_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7).attendedOn(SECOND_SESSION_ON)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.paired()).isTrue();
            assertThat(outcome.atCaseness()).isFalse();
            assertThat(outcome.recovered()).isFalse();
            assertThat(outcome.reliableRecovery()).isFalse();
        }

        @Test
        void givenNotAtCasenessAndUnpaired_whenOutcomeComputed_thenNotAtCasenessAllTheSame() {
            EpisodeOutcome outcome = outcomeOf(referred().assessed(PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS)
                    .attendedWeekly(TWO_SESSIONS).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.paired()).isFalse();
            assertThat(outcome.atCaseness()).isFalse();
            assertThat(outcome.notAtCaseness()).isTrue();
        }

        @Test
        void givenTheOnlyPhq9EnteredInErrorAndGad7BelowCaseness_whenOutcomeComputed_thenCasenessIsUnknownNotNotAtCaseness() {
            EpisodeOutcome outcome = outcomeOf(referred().assessed(SEVERE_PHQ9, GAD7_BELOW_CASENESS)
                    .firstMeasureEnteredInError(Instrument.PHQ9).attendedWeekly(TWO_SESSIONS)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.firstPhq9()).isNull();
            assertThat(outcome.atCaseness()).isNull();
            assertThat(outcome.notAtCaseness()).as("a missing first score keeps it in the recovery denominators").isFalse();
            assertNoFlags(outcome);
        }

        @Test
        void givenTheOnlyPhq9EnteredInErrorAndGad7AtCaseness_whenOutcomeComputed_thenAtCaseness() {
            EpisodeOutcome outcome = outcomeOf(referred().assessed(SEVERE_PHQ9, MODERATE_GAD7)
                    .firstMeasureEnteredInError(Instrument.PHQ9).attendedWeekly(TWO_SESSIONS)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.atCaseness()).isTrue();
        }

        @Test
        void givenScoresRisingReliably_whenPaired_thenReliableDeteriorationOnly() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON, SEVERE_PHQ9, SEVERE_GAD7)
                    .attendedOn(SECOND_SESSION_ON).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.reliableDeterioration()).isTrue();
            assertThat(outcome.reliableImprovement()).isFalse();
            assertThat(outcome.recovered()).isFalse();
        }

        /** An unpaired episode is neither recovered, improved nor deteriorated: false, not unknown (docs/design.md §3). */
        private static void assertNoFlags(EpisodeOutcome outcome) {
            assertThat(outcome.recovered()).as("recovered").isFalse();
            assertThat(outcome.reliableImprovement()).as("reliable improvement").isFalse();
            assertThat(outcome.reliableDeterioration()).as("reliable deterioration").isFalse();
            assertThat(outcome.reliableRecovery()).as("reliable recovery").isFalse();
        }
    }

    @Nested
    class FirstAndLastScores {

        @Test
        void givenMeasuresAtAssessmentAndEverySession_whenOutcomeComputed_thenFirstIsTheAssessmentAndLastTheLatest() {
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions().endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.firstPhq9()).isEqualTo(MODERATE_PHQ9);
            assertThat(outcome.firstGad7()).isEqualTo(MODERATE_GAD7);
            assertThat(outcome.lastPhq9()).isEqualTo(MINIMAL_PHQ9);
            assertThat(outcome.lastGad7()).isEqualTo(MINIMAL_GAD7);
        }

        @Test
        void givenTheAssessmentPhq9EnteredInError_whenOutcomeComputed_thenTheFirstPhq9IsTheNextValidOne() {
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions().firstMeasureEnteredInError(Instrument.PHQ9)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.firstPhq9()).isEqualTo(MILD_PHQ9);
            assertThat(outcome.firstGad7()).isEqualTo(MODERATE_GAD7);
            assertThat(outcome.paired()).isTrue();
        }

        @Test
        void givenTheLatestGad7EnteredInError_whenOutcomeComputed_thenTheLastGad7IsThePreviousValidOne() {
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions().latestMeasureEnteredInError(Instrument.GAD7)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.lastGad7()).isEqualTo(MILD_GAD7);
            assertThat(outcome.lastPhq9()).isEqualTo(MINIMAL_PHQ9);
        }

        @Test
        void givenAPhq9DatedAfterTheEndDate_whenOutcomeComputed_thenItIsIgnored() {
            LocalDate endedOn = THIRD_SESSION_ON;
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions()
                    .measureRecordedOn(endedOn.plusDays(1), Instrument.PHQ9, SEVERE_PHQ9)
                    .endedOn(endedOn, EndReason.DROPPED_OUT));

            assertThat(outcome.lastPhq9()).isEqualTo(MINIMAL_PHQ9);
            assertThat(outcome.recovered()).isTrue();
        }

        @Test
        void givenAPhq9DatedOnTheEndDate_whenOutcomeComputed_thenItIsTheLastScore() {
            LocalDate endedOn = THIRD_SESSION_ON;
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions()
                    .measureRecordedOn(endedOn, Instrument.PHQ9, SEVERE_PHQ9)
                    .endedOn(endedOn, EndReason.DROPPED_OUT));

            assertThat(outcome.lastPhq9()).isEqualTo(SEVERE_PHQ9);
            assertThat(outcome.recovered()).isFalse();
        }

        @Test
        void givenALowerPhq9RecordedLaterOnTheLastDay_whenOutcomeComputed_thenTheOneRecordedLaterIsTheLast() {
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions()
                    .measureRecordedOn(SECOND_SESSION_ON, Instrument.PHQ9, NO_DEPRESSIVE_SYMPTOMS)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.lastPhq9()).isEqualTo(NO_DEPRESSIVE_SYMPTOMS);
        }

        @Test
        void givenAHigherPhq9RecordedLaterOnTheLastDay_whenOutcomeComputed_thenTheOneRecordedLaterIsTheLast() {
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions()
                    .measureRecordedOn(SECOND_SESSION_ON, Instrument.PHQ9, MILD_PHQ9)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.lastPhq9()).isEqualTo(MILD_PHQ9);
        }

        @Test
        void givenALowerPhq9LaterOnTheAssessmentDay_whenOutcomeComputed_thenTheAssessmentPhq9IsTheFirst() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate()
                    .measureRecordedOn(ASSESSED_ON, Instrument.PHQ9, MILD_PHQ9)
                    .attendedOn(FIRST_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.firstPhq9()).isEqualTo(MODERATE_PHQ9);
        }

        @Test
        void givenAHigherPhq9LaterOnTheAssessmentDay_whenOutcomeComputed_thenTheAssessmentPhq9IsTheFirst() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate()
                    .measureRecordedOn(ASSESSED_ON, Instrument.PHQ9, SEVERE_PHQ9)
                    .attendedOn(FIRST_SESSION_ON, MINIMAL_PHQ9, MINIMAL_GAD7).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.firstPhq9()).isEqualTo(MODERATE_PHQ9);
        }

        @Test
        void givenALaterMeasureRecordedBeforeAnEarlierDatedOne_whenOutcomeComputed_thenTheLastIsTheLatestByDate() {
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions()
                    .measureRecordedOn(FIRST_SESSION_ON.plusDays(1), Instrument.PHQ9, SEVERE_PHQ9)
                    .endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.lastPhq9()).isEqualTo(MINIMAL_PHQ9);
        }

        @Test
        void givenAnEpisodeStillInTherapy_whenOutcomeComputed_thenTheLastScoreIsTheLatestSoFar() {
            EpisodeOutcome outcome = outcomeOf(recoveringOverTwoSessions());

            assertThat(outcome.ended()).isFalse();
            assertThat(outcome.lastPhq9()).isEqualTo(MINIMAL_PHQ9);
            assertThat(outcome.paired()).isTrue();
        }
    }

    @Nested
    class Waits {

        private static final int SIX_WEEKS_IN_DAYS = 42;
        private static final int EIGHTEEN_WEEKS_IN_DAYS = 126;
        private static final int FOUR_WEEKS_IN_DAYS = 28;
        private static final int NINETY_DAYS = 90;
        private static final int ONE_DAY = 1;
        private static final ZoneId LONDON = ZoneId.of("Europe/London");
        private static final Instant LATE_ON_THE_NIGHT_CLOCKS_GO_FORWARD = Instant.parse("2026-03-29T23:30:00Z");
        private static final LocalDate THAT_NIGHT_IN_LONDON = LocalDate.of(2026, 3, 30);
        private static final LocalDate THAT_NIGHT_IN_UTC = LocalDate.of(2026, 3, 29);

        static Stream<Arguments> waitsToFirstSession() {
            return Stream.of(
                    argumentSet("42 days: within 6 and 18 weeks", SIX_WEEKS_IN_DAYS, true, true),
                    argumentSet("43 days: within 18 weeks only", SIX_WEEKS_IN_DAYS + ONE_DAY, false, true),
                    argumentSet("126 days: within 18 weeks only", EIGHTEEN_WEEKS_IN_DAYS, false, true),
                    argumentSet("127 days: within neither", EIGHTEEN_WEEKS_IN_DAYS + ONE_DAY, false, false));
        }

        @ParameterizedTest
        @MethodSource("waitsToFirstSession")
        void givenFirstSessionSomeDaysAfterReferral_whenOutcomeComputed_thenTheWaitIsCountedInDays(int days,
                boolean withinSixWeeks, boolean withinEighteenWeeks) {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(REFERRED_ON.plusDays(days))
                    .attendedWeekly(ONE_SESSION).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.daysReferralToFirstSession()).isEqualTo(days);
            assertThat(OutcomeRules.withinSixWeeks(outcome.daysReferralToFirstSession())).isEqualTo(withinSixWeeks);
            assertThat(OutcomeRules.withinEighteenWeeks(outcome.daysReferralToFirstSession())).isEqualTo(withinEighteenWeeks);
        }

        @Test
        void givenTheFirstBookedSessionMissed_whenOutcomeComputed_thenTheWaitRunsToTheFirstAttendedOne() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().missedOn(REFERRED_ON.plusDays(SIX_WEEKS_IN_DAYS))
                    .attendedWeekly(ONE_SESSION));

            assertThat(outcome.daysReferralToFirstSession()).isEqualTo(SIX_WEEKS_IN_DAYS + DAYS_BETWEEN_WEEKLY_SESSIONS);
        }

        @Test
        void givenTheFirstBookingCancelled_whenOutcomeComputed_thenTheWaitRunsToTheRebookedSession() {
            LocalDate rebookedOn = REFERRED_ON.plusDays(SIX_WEEKS_IN_DAYS + ONE_DAY);
            EpisodeOutcome outcome = outcomeOf(assessedModerate().bookedOn(REFERRED_ON.plusDays(SIX_WEEKS_IN_DAYS))
                    .sessionCancelled(ONE_SESSION).attendedOn(rebookedOn));

            assertThat(outcome.daysReferralToFirstSession()).isEqualTo(SIX_WEEKS_IN_DAYS + ONE_DAY);
        }

        @Test
        void givenNoAttendedSession_whenOutcomeComputed_thenNoWaitIsKnown() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().missedWeekly(ONE_SESSION));

            assertThat(outcome.daysReferralToFirstSession()).isNull();
            assertThat(outcome.daysFirstToSecondSession()).isNull();
        }

        @Test
        void givenFirstSessionLateOnTheNightClocksGoForward_whenComputedForLondon_thenItIsOnTheThirtieth() {
            EpisodeHistory history = assessedModerate().attendedAt(LATE_ON_THE_NIGHT_CLOCKS_GO_FORWARD);

            EpisodeOutcome outcome = OutcomeRules.of(history.facts(), LONDON);

            assertThat(outcome.daysReferralToFirstSession()).isEqualTo(ChronoUnit.DAYS.between(REFERRED_ON, THAT_NIGHT_IN_LONDON));
        }

        @Test
        void givenFirstSessionLateOnTheNightClocksGoForward_whenComputedForUtc_thenItIsOnTheTwentyNinth() {
            EpisodeHistory history = assessedModerate().attendedAt(LATE_ON_THE_NIGHT_CLOCKS_GO_FORWARD);

            EpisodeOutcome outcome = OutcomeRules.of(history.facts(), ZoneOffset.UTC);

            assertThat(outcome.daysReferralToFirstSession()).isEqualTo(ChronoUnit.DAYS.between(REFERRED_ON, THAT_NIGHT_IN_UTC));
            assertThat(THAT_NIGHT_IN_LONDON).isEqualTo(THAT_NIGHT_IN_UTC.plusDays(ONE_DAY));
        }

        static Stream<Arguments> gapsBetweenFirstAndSecondSession() {
            return Stream.of(
                    argumentSet("28 days: not over 28", FOUR_WEEKS_IN_DAYS),
                    argumentSet("29 days: over 28", FOUR_WEEKS_IN_DAYS + ONE_DAY),
                    argumentSet("90 days: over 28, not over 90", NINETY_DAYS),
                    argumentSet("91 days: over 90", NINETY_DAYS + ONE_DAY));
        }

        @ParameterizedTest
        @MethodSource("gapsBetweenFirstAndSecondSession")
        void givenSecondSessionSomeDaysAfterTheFirst_whenOutcomeComputed_thenTheHiddenWaitIsCountedInDays(int days) {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON)
                    .attendedOn(FIRST_SESSION_ON.plusDays(days)).endedOn(ENDED_ON, EndReason.DROPPED_OUT));

            assertThat(outcome.daysFirstToSecondSession()).isEqualTo(days);
        }

        @Test
        void givenAMissedSessionBetweenTheFirstTwoAttended_whenOutcomeComputed_thenTheHiddenWaitRunsToTheSecondAttended() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedOn(FIRST_SESSION_ON).missedWeekly(ONE_SESSION)
                    .attendedOn(FIRST_SESSION_ON.plusDays(FOUR_WEEKS_IN_DAYS + ONE_DAY)));

            assertThat(outcome.daysFirstToSecondSession()).isEqualTo(FOUR_WEEKS_IN_DAYS + ONE_DAY);
        }
    }

    @Nested
    class EndCodes {

        static Stream<Arguments> endings() {
            return Stream.of(
                    argumentSet("not suitable, before treatment: 10", EndReason.NOT_SUITABLE, NO_SESSIONS, 10),
                    argumentSet("withdrew before treatment: 14 (declined)", EndReason.CLIENT_WITHDREW, NO_SESSIONS, 14),
                    argumentSet("withdrew after one session: 47 (ended earlier than planned)", EndReason.CLIENT_WITHDREW,
                            ONE_SESSION, 47),
                    argumentSet("dropped out before treatment: 47", EndReason.DROPPED_OUT, NO_SESSIONS, 47),
                    argumentSet("dropped out after two sessions: 47", EndReason.DROPPED_OUT, TWO_SESSIONS, 47),
                    argumentSet("referred on before treatment: 13", EndReason.REFERRED_ON, NO_SESSIONS, 13),
                    argumentSet("referred on after one session: 46", EndReason.REFERRED_ON, ONE_SESSION, 46),
                    argumentSet("other before treatment: 95", EndReason.OTHER, NO_SESSIONS, 95),
                    argumentSet("other after one session: 96", EndReason.OTHER, ONE_SESSION, 96));
        }

        @ParameterizedTest
        @MethodSource("endings")
        void givenAnEnding_whenOutcomeComputed_thenItCarriesTheReasonAndTheNationalEndCode(EndReason reason, int attended,
                                                                                        int code) {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(attended).endedOn(ENDED_ON, reason));

            assertThat(outcome.endReason()).isEqualTo(reason);
            assertThat(outcome.nationalEndCode()).isEqualTo(code);
        }

        @Test
        void givenTheOnlyAttendedSessionCorrectedToMissed_whenReferredOn_thenEndedBeforeTreatment() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(ONE_SESSION)
                    .attendanceCorrectedToMissed(FIRST_SESSION).endedOn(ENDED_ON, EndReason.REFERRED_ON));

            assertThat(outcome.nationalEndCode()).isEqualTo(13);
        }

        @Test
        void givenAnEpisodeNotEnded_whenOutcomeComputed_thenNoReasonAndNoCode() {
            EpisodeOutcome outcome = outcomeOf(assessedModerate().attendedWeekly(ONE_SESSION));

            assertThat(outcome.endReason()).isNull();
            assertThat(outcome.nationalEndCode()).isNull();
        }

        @Test
        void givenAnyOutcome_whenReported_thenItSaysTheGad7StandsInForAnxietyDisorderMeasures() {
            assertThat(outcomeOf(assessedModerate()).note()).contains("GAD-7 stands in");
        }
    }
}
