package org.dit.query.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.referred;

import org.dit.events.TherapistId;
import org.dit.events.episode.Phase;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Test;

/** The workflow steps of issue 13 as the facts fold them: reassignment, a shorter course. */
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
}
