package org.dit.query.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.referred;

import org.dit.events.TherapistId;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Test;

/** The workflow steps of issue 13 as the facts fold them: reassignment. */
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
}
