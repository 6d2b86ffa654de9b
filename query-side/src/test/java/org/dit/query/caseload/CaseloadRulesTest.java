package org.dit.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.CLINIC_ZONE;
import static org.dit.query.facts.EpisodeHistories.FIRST_SESSION_ON;
import static org.dit.query.facts.EpisodeHistories.referred;

import java.time.LocalDate;
import java.util.List;

import org.dit.events.episode.Instrument;
import org.dit.events.episode.RiskLevel;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The caseload flags of docs/design.md §2. */
class CaseloadRulesTest {

    private static final int MODERATE_PHQ9 = 13;
    private static final int MODERATE_GAD7 = 10;
    private static final int PHQ9_RELIABLE_RISE = 6;
    private static final int PHQ9_RISE_SHORT_OF_RELIABLE = 5;
    private static final int GAD7_RELIABLE_RISE = 4;

    private static final int ONE_SESSION = 1;
    private static final int TWO_SESSIONS = 2;
    private static final int SESSIONS_BEFORE_FOCUS_IS_DUE = 3;
    private static final int INITIAL_PHASE_SESSIONS = 4;
    private static final int LAST_MIDDLE_SESSION = 12;
    private static final int FIRST_ENDING_SESSION = 13;
    private static final int EXTENSION = 2;
    private static final int FIRST_ENDING_SESSION_AFTER_EXTENSION = 15;
    private static final int FOURTH_SESSION = 4;

    private static List<CaseloadFlag> flagsOf(EpisodeHistory history) {
        return CaseloadRules.flags(history.facts(), CLINIC_ZONE);
    }

    private static EpisodeHistory inTherapy() {
        return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7);
    }

    /** Attended this many sessions, the focus agreed after the first. */
    private static EpisodeHistory attendedWithFocus(int sessions) {
        return inTherapy().attendedWeekly(ONE_SESSION).focusAgreed().attendedWeekly(sessions - ONE_SESSION);
    }

    @Test
    void givenTwoSessionsAttendedWithFocusAndNoChange_whenFlagsRaised_thenNone() {
        assertThat(flagsOf(attendedWithFocus(TWO_SESSIONS))).isEmpty();
    }

    @Nested
    class FocusOverdue {

        @Test
        void givenFourSessionsAttendedWithoutFocus_whenFlagsRaised_thenFocusOverdue() {
            assertThat(flagsOf(inTherapy().attendedWeekly(INITIAL_PHASE_SESSIONS))).containsExactly(CaseloadFlag.FOCUS_OVERDUE);
        }

        @Test
        void givenThreeSessionsAttendedWithoutFocus_whenFlagsRaised_thenNotYetOverdue() {
            assertThat(flagsOf(inTherapy().attendedWeekly(SESSIONS_BEFORE_FOCUS_IS_DUE)))
                    .doesNotContain(CaseloadFlag.FOCUS_OVERDUE);
        }

        @Test
        void givenFourSessionsAttendedWithFocusAgreed_whenFlagsRaised_thenNotOverdue() {
            assertThat(flagsOf(attendedWithFocus(INITIAL_PHASE_SESSIONS))).doesNotContain(CaseloadFlag.FOCUS_OVERDUE);
        }

        @Test
        void givenFourSessionsAttendedWithoutFocusOneCorrectedToMissed_whenFlagsRaised_thenNotOverdue() {
            EpisodeHistory history = inTherapy().attendedWeekly(INITIAL_PHASE_SESSIONS).attendanceCorrectedToMissed(FOURTH_SESSION);

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.FOCUS_OVERDUE);
        }
    }

    @Nested
    class TwoConsecutiveMissed {

        @Test
        void givenTheLastTwoSessionsMissed_whenFlagsRaised_thenTwoConsecutiveMissed() {
            assertThat(flagsOf(inTherapy().attendedWeekly(ONE_SESSION).missedWeekly(TWO_SESSIONS)))
                    .containsExactly(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }

        @Test
        void givenOnlyTheLastSessionMissed_whenFlagsRaised_thenNoFlag() {
            assertThat(flagsOf(inTherapy().attendedWeekly(ONE_SESSION).missedWeekly(ONE_SESSION)))
                    .doesNotContain(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }

        @Test
        void givenAnAttendedSessionBetweenTwoMissed_whenFlagsRaised_thenNoFlag() {
            EpisodeHistory history = inTherapy().missedWeekly(ONE_SESSION).attendedWeekly(ONE_SESSION).missedWeekly(ONE_SESSION);

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }

        @Test
        void givenTwoMissedThenOneAttended_whenFlagsRaised_thenNoFlag() {
            assertThat(flagsOf(inTherapy().missedWeekly(TWO_SESSIONS).attendedWeekly(ONE_SESSION)))
                    .doesNotContain(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }

        @Test
        void givenTwoMissedAndTheNextSessionBooked_whenFlagsRaised_thenStillFlagged() {
            assertThat(flagsOf(inTherapy().missedWeekly(TWO_SESSIONS).bookedWeekly()))
                    .contains(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }

        @Test
        void givenACancelledSessionBetweenTwoMissed_whenFlagsRaised_thenTheMissedSessionsAreConsecutive() {
            int cancelledNumber = TWO_SESSIONS;
            EpisodeHistory history = inTherapy().missedWeekly(ONE_SESSION).bookedWeekly().sessionCancelled(cancelledNumber)
                    .missedWeekly(ONE_SESSION);

            assertThat(flagsOf(history)).contains(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }

        @Test
        void givenTheSecondOfTwoMissedCorrectedToAttended_whenFlagsRaised_thenNoFlag() {
            EpisodeHistory history = inTherapy().missedWeekly(TWO_SESSIONS).missedCorrectedToAttended(TWO_SESSIONS);

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.TWO_CONSECUTIVE_MISSED);
        }
    }

    @Nested
    class GoodbyeLetterDue {

        @Test
        void givenSession13Of16Attended_whenFlagsRaised_thenGoodbyeLetterDue() {
            assertThat(flagsOf(attendedWithFocus(FIRST_ENDING_SESSION))).containsExactly(CaseloadFlag.GOODBYE_LETTER_DUE);
        }

        @Test
        void givenSession12Of16Attended_whenFlagsRaised_thenNotYetDue() {
            assertThat(flagsOf(attendedWithFocus(LAST_MIDDLE_SESSION))).doesNotContain(CaseloadFlag.GOODBYE_LETTER_DUE);
        }

        @Test
        void givenSession13Of16AttendedAndTheLetterShared_whenFlagsRaised_thenNotDue() {
            EpisodeHistory history = attendedWithFocus(FIRST_ENDING_SESSION);
            history.goodbyeLetterSharedOn(history.nextWeeklySession());

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.GOODBYE_LETTER_DUE);
        }

        @Test
        void givenTheCourseExtendedTo18_whenSession13Attended_thenNotYetDue() {
            EpisodeHistory history = attendedWithFocus(LAST_MIDDLE_SESSION).courseExtendedBy(EXTENSION)
                    .attendedWeekly(ONE_SESSION);

            assertThat(history.facts().lastAttendedNumber()).isEqualTo(FIRST_ENDING_SESSION);
            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.GOODBYE_LETTER_DUE);
        }

        @Test
        void givenTheCourseExtendedTo18_whenSession15Attended_thenDue() {
            EpisodeHistory history = attendedWithFocus(LAST_MIDDLE_SESSION).courseExtendedBy(EXTENSION)
                    .attendedWeekly(FIRST_ENDING_SESSION_AFTER_EXTENSION - LAST_MIDDLE_SESSION);

            assertThat(flagsOf(history)).contains(CaseloadFlag.GOODBYE_LETTER_DUE);
        }

        @Test
        void givenSession13AttendedThenTheCourseExtended_whenFlagsRaised_thenNoLongerDue() {
            EpisodeHistory history = attendedWithFocus(FIRST_ENDING_SESSION).courseExtendedBy(EXTENSION);

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.GOODBYE_LETTER_DUE);
        }
    }

    @Nested
    class ReliableDeterioration {

        @Test
        void givenPhq9RisenBy6SinceAssessment_whenFlagsRaised_thenReliableDeterioration() {
            EpisodeHistory history = inTherapy().attendedOn(FIRST_SESSION_ON, MODERATE_PHQ9 + PHQ9_RELIABLE_RISE, MODERATE_GAD7);

            assertThat(flagsOf(history)).containsExactly(CaseloadFlag.RELIABLE_DETERIORATION);
        }

        @Test
        void givenPhq9RisenBy5SinceAssessment_whenFlagsRaised_thenNoFlag() {
            EpisodeHistory history = inTherapy()
                    .attendedOn(FIRST_SESSION_ON, MODERATE_PHQ9 + PHQ9_RISE_SHORT_OF_RELIABLE, MODERATE_GAD7);

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.RELIABLE_DETERIORATION);
        }

        @Test
        void givenGad7RisenBy4SinceAssessment_whenFlagsRaised_thenReliableDeterioration() {
            EpisodeHistory history = inTherapy().attendedOn(FIRST_SESSION_ON, MODERATE_PHQ9, MODERATE_GAD7 + GAD7_RELIABLE_RISE);

            assertThat(flagsOf(history)).contains(CaseloadFlag.RELIABLE_DETERIORATION);
        }

        @Test
        void givenPhq9RisenBy6ButGad7OnlyAtAssessment_whenFlagsRaised_thenNotPairedSoNoFlag() {
            EpisodeHistory history = inTherapy().attendedOn(FIRST_SESSION_ON,
                    Instrument.PHQ9, MODERATE_PHQ9 + PHQ9_RELIABLE_RISE);

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.RELIABLE_DETERIORATION);
        }

        @Test
        void givenTheRisingPhq9EnteredInError_whenFlagsRaised_thenTheFlagClears() {
            EpisodeHistory history = inTherapy().attendedOn(FIRST_SESSION_ON, MODERATE_PHQ9 + PHQ9_RELIABLE_RISE, MODERATE_GAD7)
                    .latestMeasureEnteredInError(Instrument.PHQ9);

            assertThat(flagsOf(history)).doesNotContain(CaseloadFlag.RELIABLE_DETERIORATION);
        }
    }

    @Nested
    class Risk {

        private final LocalDate reviewBy = FIRST_SESSION_ON.plusDays(28);

        @Test
        void givenTheLatestRiskAssessmentHigh_whenFlagsRaised_thenRiskHigh() {
            EpisodeHistory history = attendedWithFocus(TWO_SESSIONS).riskAssessedOn(FIRST_SESSION_ON, RiskLevel.HIGH, reviewBy);

            assertThat(flagsOf(history)).containsExactly(CaseloadFlag.RISK_HIGH);
        }

        @Test
        void givenAHighRiskLaterAssessedModerate_whenFlagsRaised_thenNotRiskHigh() {
            EpisodeHistory history = attendedWithFocus(TWO_SESSIONS).riskAssessedOn(FIRST_SESSION_ON, RiskLevel.HIGH, reviewBy)
                    .riskAssessedOn(FIRST_SESSION_ON.plusDays(7), RiskLevel.MODERATE, reviewBy);

            assertThat(flagsOf(history)).isEmpty();
        }

        @Test
        void givenAnOpenItem9Indication_whenFlagsRaised_thenPhq9Item9Positive() {
            EpisodeHistory history = attendedWithFocus(TWO_SESSIONS).phq9WithItem9On(FIRST_SESSION_ON.plusDays(8), 1);

            assertThat(flagsOf(history)).containsExactly(CaseloadFlag.PHQ9_ITEM9_POSITIVE);
        }

        @Test
        void givenTheIndicationClearedByARiskAssessment_whenFlagsRaised_thenNone() {
            LocalDate measured = FIRST_SESSION_ON.plusDays(8);
            EpisodeHistory history = attendedWithFocus(TWO_SESSIONS).phq9WithItem9On(measured, 1)
                    .riskAssessedOn(measured, RiskLevel.LOW, reviewBy);

            assertThat(flagsOf(history)).isEmpty();
        }

        @Test
        void givenAReviewDate_whenReadOnIt_thenNotOverdue_andTheDayAfter_thenRiskReviewOverdue() {
            EpisodeHistory history = attendedWithFocus(TWO_SESSIONS).riskAssessedOn(FIRST_SESSION_ON, RiskLevel.LOW, reviewBy);
            List<CaseloadFlag> stored = flagsOf(history);

            assertThat(CaseloadRules.flagsAsOf(stored, history.facts(), reviewBy)).isEmpty();
            assertThat(CaseloadRules.flagsAsOf(stored, history.facts(), reviewBy.plusDays(1)))
                    .containsExactly(CaseloadFlag.RISK_REVIEW_OVERDUE);
        }
    }
}
