package org.dit.command.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.episode.Episodes.*;
import static org.dit.command.therapist.Therapists.SINGLE_CLIENT_THERAPIST;
import static org.dit.command.therapist.Therapists.SUPERVISOR;
import static org.dit.command.therapist.Therapists.THERAPIST;
import static org.dit.command.therapist.Therapists.UNREGISTERED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.command.episode.EpisodePolicy.EpisodeNotInTherapy;
import org.dit.command.episode.EpisodePolicy.SameTherapist;
import org.dit.command.therapist.InMemoryTherapistRoster;
import org.dit.command.therapist.TherapistAtCapacity;
import org.dit.command.therapist.TherapistInactive;
import org.dit.command.therapist.TherapistUnknown;
import org.dit.command.therapist.Therapists;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.TherapistReassigned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor moves an episode to another therapist (DESIGN §2): the new therapist must be active with room, and the
 * future bookings follow them where they are free, or are cancelled.
 */
class EpisodeReassignmentTest {

    private static final String REASON = "Alex Morgan leaves the service at the end of the month";
    private static final String BUSY = "reassigned to a therapist not free at this time";
    /** Session 3 tomorrow, session 4 in eight days: both in the future. */
    private static final Instant TOMORROW_AT = NOW.plus(Duration.ofDays(1));
    private static final Instant NEXT_WEEK_AT = NOW.plus(Duration.ofDays(8));

    private FixtureConfiguration<Episode> fixture;
    private InMemoryTherapistRoster roster;

    @BeforeEach
    void setUp() {
        roster = Therapists.clinicRoster();
        roster.allocate(THERAPIST, EPISODE);
        fixture = new AggregateTestFixture<>(Episode.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(roster);
    }

    /** Two sessions attended, two booked ahead. */
    private static List<Object> twoAttendedTwoBookedAhead() {
        return and(withSessionsAttended(2), bookedAt(3, TOMORROW_AT), bookedAt(4, NEXT_WEEK_AT));
    }

    private static ReassignTherapist toSupervisor() {
        return new ReassignTherapist(EPISODE, SUPERVISOR, REASON);
    }

    @Test
    void givenTwoFutureBookings_whenReassignedToAFreeTherapist_thenBothMove() {
        fixture.given(twoAttendedTwoBookedAhead())
                .when(toSupervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapistReassigned(EPISODE, THERAPIST, SUPERVISOR, TODAY, REASON, List.of(3, 4)))
                .expectResultMessagePayload(new Reassignment(SUPERVISOR, List.of(3, 4), List.of()));
    }

    @Test
    void givenTheNewTherapistBusyAtTheSecondBooking_whenReassigned_thenTheFirstMovesAndTheClashingOneIsCancelled() {
        roster.reserve(SUPERVISOR, ANOTHER_EPISODE, 1, NEXT_WEEK_AT.plus(Duration.ofMinutes(30)),
                NEXT_WEEK_AT.plus(Duration.ofMinutes(80)));
        fixture.given(twoAttendedTwoBookedAhead())
                .when(toSupervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapistReassigned(EPISODE, THERAPIST, SUPERVISOR, TODAY, REASON, List.of(3)),
                        new SessionCancelled(EPISODE, 4, CancelledBy.SERVICE, BUSY))
                .expectResultMessagePayload(new Reassignment(SUPERVISOR, List.of(3), List.of(4)));
    }

    @Test
    void givenABookingWhoseTimeHasPassedUnrecorded_whenReassigned_thenItStaysWithTheTherapistWhoHeldIt() {
        SessionBooked earlierToday = bookedAt(3, NOW.minus(Duration.ofHours(3)));
        fixture.given(and(withSessionsAttended(2), earlierToday))
                .when(toSupervisor())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapistReassigned(EPISODE, THERAPIST, SUPERVISOR, TODAY, REASON, List.of()));
    }

    @Test
    void givenReassigned_whenTheNextSessionIsBooked_thenItIsInTheNewTherapistsDiary() {
        fixture.given(and(withSessionsAttended(2), new TherapistReassigned(EPISODE, THERAPIST, SUPERVISOR, TODAY, REASON,
                        List.of())))
                .when(bookingAt(TOMORROW_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionBooked(EPISODE, 3, SUPERVISOR, TOMORROW_AT, SESSION_MINUTES, MODE));
    }

    @Test
    void givenInTherapy_whenReassignedToTheSameTherapist_thenRefused() {
        fixture.given(twoAttendedTwoBookedAhead())
                .when(new ReassignTherapist(EPISODE, THERAPIST, REASON))
                .expectNoEvents()
                .expectException(SameTherapist.class);
    }

    @Test
    void givenTheNewTherapistInactive_whenReassigned_thenRefused() {
        roster.deactivate(SUPERVISOR);
        fixture.given(twoAttendedTwoBookedAhead())
                .when(toSupervisor())
                .expectNoEvents()
                .expectException(TherapistInactive.class);
    }

    @Test
    void givenTheNewTherapistAtCapacity_whenReassigned_thenRefused() {
        roster.allocate(SINGLE_CLIENT_THERAPIST, ANOTHER_EPISODE);
        fixture.given(twoAttendedTwoBookedAhead())
                .when(new ReassignTherapist(EPISODE, SINGLE_CLIENT_THERAPIST, REASON))
                .expectNoEvents()
                .expectException(TherapistAtCapacity.class);
        assertThat(roster.caseload(SINGLE_CLIENT_THERAPIST)).isEqualTo(1);
    }

    @Test
    void givenInTherapy_whenReassignedToAnUnregisteredTherapist_thenRefused() {
        fixture.given(inTherapy())
                .when(new ReassignTherapist(EPISODE, UNREGISTERED, REASON))
                .expectNoEvents()
                .expectException(TherapistUnknown.class);
    }

    @Test
    void givenWaiting_whenReassigned_thenRefused() {
        fixture.given(waiting())
                .when(toSupervisor())
                .expectNoEvents()
                .expectException(EpisodeNotInTherapy.class);
    }

    @Test
    void givenInTherapy_whenReassignedWithoutAReason_thenRefused() {
        fixture.given(inTherapy())
                .when(new ReassignTherapist(EPISODE, SUPERVISOR, " "))
                .expectNoEvents()
                .expectException(invalidInput("reason"));
    }
}
