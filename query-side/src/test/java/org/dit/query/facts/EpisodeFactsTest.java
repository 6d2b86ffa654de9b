package org.dit.query.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.dit.query.facts.EpisodeHistories.EPISODE;
import static org.dit.query.facts.EpisodeHistories.FIRST_SESSION_ON;
import static org.dit.query.facts.EpisodeHistories.referred;
import static org.dit.query.facts.EpisodeHistories.sessionStartOn;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Phase;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.TherapyEnded;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Test;

class EpisodeFactsTest {

    private static final int MODERATE_PHQ9 = 14;
    private static final int MODERATE_GAD7 = 11;
    private static final int FIRST_SESSION = 1;
    private static final int SECOND_SESSION = 2;
    private static final LocalDate REBOOKED_ON = FIRST_SESSION_ON.plusDays(2);
    private static final LocalDate ENDED_ON = LocalDate.of(2026, 3, 2);

    private static EpisodeHistory inTherapyWithFirstSessionBooked() {
        return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7).bookedOn(FIRST_SESSION_ON);
    }

    /** What a switch over the sealed family would check at compile time, had Java 17 one. */
    @Test
    void givenTheSealedEventFamily_whenTheFactsAreFolded_thenEveryPermittedEventHasItsStep() {
        Set<Class<?>> permitted = Set.of(EpisodeEvent.class.getPermittedSubclasses());

        Set<Class<?>> folded = Set.copyOf(EpisodeFacts.foldedEvents());

        assertThat(folded).isEqualTo(permitted);
    }

    @Test
    void givenEventsApplied_whenAnEventArrivesAgainWithTheSameSequence_thenTheFactsAreUnchanged() {
        EpisodeHistory history = inTherapyWithFirstSessionBooked().attendedWeekly(1);
        EpisodeFacts facts = history.facts();
        List<EpisodeEvent> events = history.events();

        EpisodeFacts again = facts.apply(events.get(events.size() - 1), facts.lastSequence());

        assertThat(again).isSameAs(facts);
    }

    @Test
    void givenEventsApplied_whenAnEventArrivesWithAnEarlierSequence_thenTheFactsAreUnchanged() {
        EpisodeFacts facts = inTherapyWithFirstSessionBooked().facts();

        EpisodeFacts replayed = facts.apply(new TherapyEnded(EPISODE, ENDED_ON, EndReason.DROPPED_OUT), facts.lastSequence() - 1);

        assertThat(replayed).isSameAs(facts);
        assertThat(replayed.status()).isEqualTo(EpisodeStatus.IN_THERAPY);
    }

    @Test
    void givenEventsApplied_whenTheNextSequenceArrives_thenItIsFoldedIn() {
        EpisodeFacts facts = inTherapyWithFirstSessionBooked().facts();

        EpisodeFacts next = facts.apply(new TherapyEnded(EPISODE, ENDED_ON, EndReason.DROPPED_OUT), facts.lastSequence() + 1);

        assertThat(next.status()).isEqualTo(EpisodeStatus.ENDED);
        assertThat(next.endedOn()).isEqualTo(ENDED_ON);
        assertThat(next.lastSequence()).isEqualTo(facts.lastSequence() + 1);
    }

    @Test
    void givenTheWholeHistory_whenReplayedTwice_thenTheSecondPassChangesNothing() {
        EpisodeHistory history = inTherapyWithFirstSessionBooked().sessionCancelled(FIRST_SESSION).attendedWeekly(2);
        EpisodeFacts facts = history.facts();
        List<EpisodeEvent> events = history.events();

        EpisodeFacts replayed = facts;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            replayed = replayed.apply(events.get(sequence), sequence);
        }

        assertThat(replayed).isSameAs(facts);
    }

    @Test
    void givenFirstSessionCancelled_whenItsNumberIsBookedAgain_thenBothBookingsAreKeptAndTheNewOneIsLive() {
        EpisodeFacts facts = inTherapyWithFirstSessionBooked().sessionCancelled(FIRST_SESSION).bookedOn(REBOOKED_ON).facts();

        assertThat(facts.sessions()).extracting(EpisodeFacts.SessionFact::number, EpisodeFacts.SessionFact::state)
                .containsExactly(tuple(FIRST_SESSION, SessionState.CANCELLED),
                        tuple(FIRST_SESSION, SessionState.BOOKED));
        assertThat(facts.liveSessions()).singleElement()
                .satisfies(live -> assertThat(live.startsAt()).isEqualTo(sessionStartOn(REBOOKED_ON)));
        assertThat(facts.nextBookedSession()).get().extracting(EpisodeFacts.SessionFact::startsAt)
                .isEqualTo(sessionStartOn(REBOOKED_ON));
    }

    @Test
    void givenFirstSessionCancelledAndRebooked_whenTheRebookedSessionIsAttended_thenOnlyTheNewBookingIsAttended() {
        EpisodeFacts facts = inTherapyWithFirstSessionBooked().sessionCancelled(FIRST_SESSION).attendedOn(REBOOKED_ON).facts();

        assertThat(facts.sessions()).extracting(EpisodeFacts.SessionFact::state)
                .containsExactly(SessionState.CANCELLED, SessionState.ATTENDED);
        assertThat(facts.attendedSessions()).singleElement()
                .satisfies(attended -> assertThat(attended.startsAt()).isEqualTo(sessionStartOn(REBOOKED_ON)));
        assertThat(facts.attendedSessionDate(FIRST_SESSION, EpisodeHistories.CLINIC_ZONE)).contains(REBOOKED_ON);
    }

    @Test
    void givenFirstSessionCancelledAndRebooked_whenTheNewBookingIsRescheduled_thenTheCancelledOneKeepsItsTime() {
        EpisodeHistory history = inTherapyWithFirstSessionBooked().sessionCancelled(FIRST_SESSION).bookedOn(REBOOKED_ON);
        LocalDate movedTo = REBOOKED_ON.plusDays(1);

        EpisodeFacts facts = history.with(new SessionRescheduled(EPISODE, FIRST_SESSION, sessionStartOn(REBOOKED_ON),
                sessionStartOn(movedTo))).facts();

        assertThat(facts.sessions()).extracting(EpisodeFacts.SessionFact::startsAt)
                .containsExactly(sessionStartOn(FIRST_SESSION_ON), sessionStartOn(movedTo));
    }

    @Test
    void givenAnAttendedSession_whenCorrectedToMissed_thenItCountsAsMissed() {
        EpisodeFacts facts = referred().assessed(MODERATE_PHQ9, MODERATE_GAD7).attendedWeekly(2)
                .attendanceCorrectedToMissed(SECOND_SESSION).facts();

        assertThat(facts.attendedSessions()).hasSize(1);
        assertThat(facts.missedSessions()).isEqualTo(1);
        assertThat(facts.lastAttendedNumber()).isEqualTo(FIRST_SESSION);
    }

    @Test
    void givenAMissedSession_whenCorrectedToAttended_thenItCountsAsAttended() {
        EpisodeFacts facts = referred().assessed(MODERATE_PHQ9, MODERATE_GAD7).attendedWeekly(1).missedWeekly(1)
                .missedCorrectedToAttended(SECOND_SESSION).facts();

        assertThat(facts.attendedSessions()).hasSize(2);
        assertThat(facts.missedSessions()).isZero();
        assertThat(facts.lastAttendedNumber()).isEqualTo(SECOND_SESSION);
    }

    @Test
    void givenTherapyEndedWithASessionBooked_whenFolded_thenTheBookingIsCancelledAndTheEpisodeEnded() {
        EpisodeFacts facts = inTherapyWithFirstSessionBooked().endedOn(ENDED_ON, EndReason.CLIENT_WITHDREW).facts();

        assertThat(facts.status()).isEqualTo(EpisodeStatus.ENDED);
        assertThat(facts.endReason()).isEqualTo(EndReason.CLIENT_WITHDREW);
        assertThat(facts.liveSessions()).isEmpty();
        assertThat(facts.phase()).isEqualTo(Phase.NOT_STARTED);
    }
}
