package org.dit.query.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.referred;

import java.time.LocalDate;

import org.dit.events.TherapistId;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionNoteWritten;
import org.dit.events.episode.SessionState;
import org.dit.query.episode.EpisodeView;
import org.dit.query.outcomes.EpisodeOutcome;
import org.dit.query.outcomes.OutcomeRules;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Test;

/** The workflow steps of issue 13 as the facts fold them: reassignment, a shorter course, the follow-up, notes. */
class EpisodeWorkflowFactsTest {

    private static final TherapistId TAKING_OVER = TherapistId.of("7d4c2b1a-0f9e-4d8c-a7b6-5e4d3c2b1a01");

    private static EpisodeHistory twoSessionsAttendedOneBooked() {
        return referred().assessed(14, 11).attendedWeekly(2).bookedWeekly();
    }

    @Test
    void givenAnEpisodeInTherapy_whenReassigned_thenItIsWithTheNewTherapistAndItsSessionsStay() {
        EpisodeHistory history = twoSessionsAttendedOneBooked();
        EpisodeFacts before = history.facts();

        EpisodeFacts after = history.reassignedOn(EpisodeHistories.FIRST_SESSION_ON.plusDays(15), TAKING_OVER).facts();

        assertThat(after.therapistId()).isEqualTo(TAKING_OVER.value()).isNotEqualTo(before.therapistId());
        assertThat(after.sessions()).isEqualTo(before.sessions());
    }

    @Test
    void givenFiveSessionsAttended_whenTheCourseIsShortenedTo8_thenSession5IsInTheEndingPhase() {
        EpisodeHistory history = referred().assessed(14, 11).attendedWeekly(4).focusAgreed().attendedWeekly(1);
        assertThat(history.facts().phase()).isEqualTo(Phase.MIDDLE);

        EpisodeFacts shortened = history.courseShortenedTo(8).facts();

        assertThat(shortened.courseLength()).isEqualTo(8);
        assertThat(shortened.phase()).isEqualTo(Phase.ENDING);
    }

    @Test
    void givenFourSessionsAttended_whenTheCourseIsShortenedTo12_thenSession8IsStillMiddleAndSession9Ending() {
        EpisodeHistory history = referred().assessed(14, 11).attendedWeekly(4).focusAgreed().courseShortenedTo(12);

        assertThat(history.attendedWeekly(4).facts().phase()).isEqualTo(Phase.MIDDLE);
        assertThat(history.attendedWeekly(1).facts().phase()).isEqualTo(Phase.ENDING);
    }

    @Test
    void givenAnEndedCourse_whenTheFollowUpScoresWorse_thenTheOutcomeKeepsTheScoresOfTreatment() {
        LocalDate endedOn = LocalDate.of(2026, 4, 6);
        EpisodeHistory ended = referred().assessed(16, 12).attendedOn(LocalDate.of(2026, 2, 9), 12, 9)
                .attendedOn(LocalDate.of(2026, 3, 30), 6, 5).endedOn(endedOn, EndReason.COMPLETED);
        EpisodeOutcome before = OutcomeRules.of(ended.facts(), EpisodeHistories.CLINIC_ZONE);

        EpisodeFacts facts = ended.followUpAttendedOn(endedOn.plusWeeks(6), 21, 17).facts();

        EpisodeOutcome after = OutcomeRules.of(facts, EpisodeHistories.CLINIC_ZONE);
        assertThat(after).isEqualTo(before);
        assertThat(after.lastPhq9()).isEqualTo(6);
        assertThat(after.lastGad7()).isEqualTo(5);
        assertThat(facts.validMeasures(Instrument.PHQ9)).extracting(EpisodeFacts.MeasureFact::total).containsExactly(16, 12, 6);
        assertThat(facts.followUp().state()).isEqualTo(SessionState.ATTENDED);
        assertThat(facts.followUp().measures()).extracting(EpisodeFacts.MeasureFact::total).containsExactly(21, 17);
        assertThat(facts.status()).isEqualTo(org.dit.events.episode.EpisodeStatus.ENDED);
    }

    @Test
    void givenAFollowUp_whenTheEpisodeIsViewed_thenItsScoresShowUnderFollowUp_andAMeasureEnteredInErrorIsMarked() {
        LocalDate endedOn = LocalDate.of(2026, 4, 6);
        EpisodeFacts facts = referred().assessed(16, 12).attendedWeekly(2).endedOn(endedOn, EndReason.COMPLETED)
                .followUpAttendedOn(endedOn.plusWeeks(6), 8, 6).followUpPhq9EnteredInError().facts();

        EpisodeView view = EpisodeView.of(facts);

        assertThat(view.followUp().startsAt()).isEqualTo(EpisodeHistories.sessionStartOn(endedOn.plusWeeks(6)));
        assertThat(view.followUp().measures()).extracting(EpisodeView.MeasureView::enteredInError).containsExactly(true, false);
        assertThat(view.measures()).hasSize(2);
    }

    @Test
    void givenTwoSessionsAttended_whenTheSecondIsNotedTwice_thenItShowsTheLatestNote_andTheFirstNone() {
        EpisodeHistory history = referred().assessed(14, 11).attendedWeekly(2);
        history.with(new org.dit.events.episode.SessionNoteWritten(EpisodeHistories.EPISODE, 2, "first draft"));
        history.with(new org.dit.events.episode.SessionNoteWritten(EpisodeHistories.EPISODE, 2, "reworded"));

        EpisodeView view = EpisodeView.of(history.facts());

        assertThat(view.sessions()).extracting(EpisodeView.SessionView::note).containsExactly(null, "reworded");
    }

    @Test
    void givenNotesARiskAssessmentAndAFocus_whenTheClientIsErased_thenTheFactsKeepNoneOfTheirWordsButAllOfTheirShape() {
        EpisodeHistory history = referred().assessed(14, 11).attendedWeekly(2).focusAgreed()
                .riskAssessedOn(EpisodeHistories.FIRST_SESSION_ON.plusDays(8), RiskLevel.LOW,
                        EpisodeHistories.FIRST_SESSION_ON.plusDays(60));
        history.with(new SessionNoteWritten(EpisodeHistories.EPISODE, 2, "talked about her sister"));
        EpisodeFacts facts = history.facts();

        EpisodeFacts forgotten = facts.withoutPersonalData();

        assertThat(forgotten.focus()).isNull();
        assertThat(forgotten.sessions()).extracting(EpisodeFacts.SessionFact::note).containsOnlyNulls();
        assertThat(forgotten.riskAssessments()).singleElement().satisfies(r -> {
            assertThat(r.safetyPlan()).isNull();
            assertThat(r.actions()).isNull();
            assertThat(r.level()).isEqualTo(facts.riskAssessments().get(0).level());
        });
        assertThat(forgotten.sessions()).extracting(EpisodeFacts.SessionFact::state)
                .isEqualTo(facts.sessions().stream().map(EpisodeFacts.SessionFact::state).toList());
        assertThat(forgotten.measures()).isEqualTo(facts.measures());
        assertThat(facts.riskAssessments().get(0).safetyPlan()).isNotNull();
    }
}
