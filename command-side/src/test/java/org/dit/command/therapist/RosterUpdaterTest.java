package org.dit.command.therapist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dit.command.therapist.Therapists.THERAPIST;
import static org.dit.command.therapist.Therapists.THERAPIST_CASELOAD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dit.events.EpisodeId;
import org.dit.events.ClientId;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.FollowUpBooked;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapistReassigned;
import org.dit.events.therapist.TherapistDeactivated;
import org.dit.events.therapist.TherapistMaxCaseloadChanged;
import org.dit.events.episode.TherapyEnded;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lookups follow the events: what each event writes, and the checks that then answer differently. */
class RosterUpdaterTest {

    private static final EpisodeId EPISODE = EpisodeId.of("3b9e6a2c-5d1f-4e8a-b7c2-9f0e1d2c3b01");
    private static final LocalDate ALLOCATED_ON = LocalDate.of(2026, 2, 2);
    private static final LocalDate ENDED_ON = LocalDate.of(2026, 3, 2);
    private static final Instant SESSION_AT = Instant.parse("2026-02-09T10:00:00Z");
    private static final int SESSION_MINUTES = 50;
    private static final Instant SESSION_ENDS = SESSION_AT.plus(Duration.ofMinutes(SESSION_MINUTES));
    private static final Instant NEXT_DAY = SESSION_AT.plus(Duration.ofDays(1));

    private InMemoryTherapistRoster roster;
    private RosterUpdater updater;

    @BeforeEach
    void setUp() {
        roster = new InMemoryTherapistRoster();
        updater = new RosterUpdater(roster);
    }

    private static SessionBooked sessionOneBooked() {
        return new SessionBooked(EPISODE, 1, THERAPIST, SESSION_AT, SESSION_MINUTES, SessionMode.IN_PERSON);
    }

    @Test
    void givenNoTherapists_whenTherapistRegistered_thenOnTheRosterWithTheirCaseload() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        assertThat(roster.isRegistered(THERAPIST)).isTrue();
        roster.requireQualifiedSupervisor(THERAPIST);
        roster.requireRoomInCaseload(THERAPIST);
    }

    @Test
    void givenTherapistRegistered_whenAllocated_thenOnePlaceOfTheCaseloadTaken() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        updater.on(new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));

        assertThat(roster.caseload(THERAPIST)).isEqualTo(1);
    }

    @Test
    void givenCaseloadFilledByAllocations_whenAnotherIsChecked_thenAtCapacity() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        for (int i = 0; i < THERAPIST_CASELOAD; i++) {
            updater.on(new TherapistAllocated(EpisodeId.random(), THERAPIST, ALLOCATED_ON));
        }

        assertThatThrownBy(() -> roster.requireRoomInCaseload(THERAPIST)).isInstanceOf(TherapistAtCapacity.class);
    }

    @Test
    void givenAllocated_whenTherapyEnded_thenThePlaceIsGivenBack() {
        updater.on(Therapists.qualifiedTherapistRegistered());
        updater.on(new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));

        updater.on(new TherapyEnded(EPISODE, ENDED_ON, EndReason.DROPPED_OUT));

        assertThat(roster.caseload(THERAPIST)).isZero();
    }

    @Test
    void givenNeverAllocated_whenTherapyEnded_thenNothingChanges() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        updater.on(new TherapyEnded(EPISODE, ENDED_ON, EndReason.CLIENT_WITHDREW));

        assertThat(roster.caseload(THERAPIST)).isZero();
    }

    @Test
    void givenTherapistRegistered_whenSessionBooked_thenItsSlotIsHeldForItsLength() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        updater.on(sessionOneBooked());

        assertThat(roster.slotOf(EPISODE, 1)).containsExactly(SESSION_AT, SESSION_ENDS);
        assertThatThrownBy(() -> roster.requireFreeSlot(THERAPIST, EpisodeId.random(), 1, SESSION_AT, SESSION_ENDS))
                .isInstanceOf(TherapistDoubleBooked.class);
    }

    @Test
    void givenSessionBooked_whenRescheduled_thenItsSlotMovesKeepingItsLength() {
        updater.on(Therapists.qualifiedTherapistRegistered());
        updater.on(sessionOneBooked());

        updater.on(new SessionRescheduled(EPISODE, 1, SESSION_AT, NEXT_DAY));

        assertThat(roster.slotOf(EPISODE, 1)).containsExactly(NEXT_DAY, NEXT_DAY.plus(Duration.ofMinutes(SESSION_MINUTES)));
        roster.requireFreeSlot(THERAPIST, EpisodeId.random(), 1, SESSION_AT, SESSION_ENDS);
    }

    @Test
    void givenSessionBooked_whenCancelled_thenItsSlotIsFree() {
        updater.on(Therapists.qualifiedTherapistRegistered());
        updater.on(sessionOneBooked());

        updater.on(new SessionCancelled(EPISODE, 1, CancelledBy.CLIENT, null));

        assertThat(roster.holds(EPISODE, 1)).isFalse();
    }

    @Test
    void givenSessionsBooked_whenTherapyEndsAndItsBookingsAreCancelled_thenTheTherapistIsFreed() {
        updater.on(Therapists.qualifiedTherapistRegistered());
        updater.on(new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));
        updater.on(sessionOneBooked());
        updater.on(new SessionBooked(EPISODE, 2, THERAPIST, NEXT_DAY, SESSION_MINUTES, SessionMode.VIDEO));

        updater.on(new TherapyEnded(EPISODE, ENDED_ON, EndReason.DROPPED_OUT));
        updater.on(new SessionCancelled(EPISODE, 1, CancelledBy.SERVICE, "therapy ended"));
        updater.on(new SessionCancelled(EPISODE, 2, CancelledBy.SERVICE, "therapy ended"));

        assertThat(roster.caseload(THERAPIST)).isZero();
        assertThat(roster.holds(EPISODE, 1)).isFalse();
        assertThat(roster.holds(EPISODE, 2)).isFalse();
    }

    @Test
    void givenAnEpisodeFromReferralToEnding_whenEachStepArrives_thenItsStageFollows() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        updater.on(new ClientReferred(EPISODE, ClientId.random(), "GP", ALLOCATED_ON.minusDays(30), PresentingProblem.ANXIETY,
                Priority.URGENT));
        assertThat(roster.stageOf(EPISODE)).isEqualTo(EpisodeStatus.REFERRED);
        updater.on(new ClientWaitlisted(EPISODE, ALLOCATED_ON.minusDays(10)));
        assertThat(roster.stageOf(EPISODE)).isEqualTo(EpisodeStatus.WAITING);
        updater.on(new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));
        assertThat(roster.stageOf(EPISODE)).isEqualTo(EpisodeStatus.IN_THERAPY);
        updater.on(new TherapyEnded(EPISODE, ENDED_ON, EndReason.DROPPED_OUT));
        assertThat(roster.stageOf(EPISODE)).isEqualTo(EpisodeStatus.ENDED);
    }

    @Test
    void givenTwoClients_whenTheMaxCaseloadIsLoweredToTwo_thenTheCaseloadIsFull() {
        updater.on(Therapists.qualifiedTherapistRegistered());
        updater.on(new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));
        updater.on(new TherapistAllocated(EpisodeId.random(), THERAPIST, ALLOCATED_ON));

        updater.on(new TherapistMaxCaseloadChanged(THERAPIST, 2, THERAPIST_CASELOAD));

        assertThatThrownBy(() -> roster.requireRoomInCaseload(THERAPIST)).isInstanceOf(TherapistAtCapacity.class);
    }

    @Test
    void givenTherapistRegistered_whenDeactivated_thenNoLongerAllocatable() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        updater.on(new TherapistDeactivated(THERAPIST, ENDED_ON, "Left the service"));

        assertThatThrownBy(() -> roster.requireRoomInCaseload(THERAPIST)).isInstanceOf(TherapistInactive.class);
    }

    @Test
    void givenTwoSessionsBooked_whenReassignedMovingTheSecond_thenThePlaceAndThatSlotMove() {
        updater.on(Therapists.qualifiedTherapistRegistered());
        updater.on(new TherapistRegistered(Therapists.SUPERVISOR, "Dr Jordan Lee", Accreditation.QUALIFIED, null, 8));
        updater.on(new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));
        updater.on(sessionOneBooked());
        updater.on(new SessionBooked(EPISODE, 2, THERAPIST, NEXT_DAY, SESSION_MINUTES, SessionMode.VIDEO));

        updater.on(new TherapistReassigned(EPISODE, THERAPIST, Therapists.SUPERVISOR, ENDED_ON, "Leaving", List.of(2)));

        assertThat(roster.caseload(THERAPIST)).isZero();
        assertThat(roster.caseload(Therapists.SUPERVISOR)).isEqualTo(1);
        assertThat(roster.slotHolder(EPISODE, 1)).isEqualTo(THERAPIST);
        assertThat(roster.slotHolder(EPISODE, 2)).isEqualTo(Therapists.SUPERVISOR);
    }

    @Test
    void givenTherapistRegistered_whenAFollowUpIsBooked_thenItsSlotIsHeldUnderTheFollowUpNumber() {
        updater.on(Therapists.qualifiedTherapistRegistered());

        updater.on(new FollowUpBooked(EPISODE, THERAPIST, NEXT_DAY, SESSION_MINUTES, SessionMode.VIDEO));

        assertThat(roster.slotOf(EPISODE, TherapistRoster.FOLLOW_UP)).containsExactly(NEXT_DAY,
                NEXT_DAY.plus(Duration.ofMinutes(SESSION_MINUTES)));
    }
}
