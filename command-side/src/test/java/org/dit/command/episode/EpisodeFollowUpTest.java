package org.dit.command.episode;

import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.episode.Episodes.*;
import static org.dit.command.therapist.Therapists.THERAPIST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.command.episode.EpisodePolicy.EpisodeNotEnded;
import org.dit.command.episode.EpisodePolicy.FollowUpAlreadyBooked;
import org.dit.command.episode.EpisodePolicy.FollowUpBeforeEnding;
import org.dit.command.episode.EpisodePolicy.FollowUpNotBooked;
import org.dit.command.episode.EpisodePolicy.NoSessionAttended;
import org.dit.command.episode.EpisodePolicy.SessionInFuture;
import org.dit.command.therapist.InMemoryTherapistRoster;
import org.dit.command.therapist.TherapistDoubleBooked;
import org.dit.command.therapist.Therapists;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.FollowUpAttended;
import org.dit.events.episode.FollowUpBooked;
import org.dit.events.episode.FollowUpMeasureRecorded;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.MeasureEnteredInError;
import org.dit.events.episode.RiskIndicated;
import org.dit.events.episode.TherapyEnded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follow-up appointment after the ending (DESIGN §2): booked with the episode's therapist on a day after the
 * ending, recorded with its own measures; the episode stays ended.
 */
class EpisodeFollowUpTest {

    private static final LocalDate ENDED_ON = LocalDate.of(2026, 5, 18);
    /** Six weeks after the ending, still ahead. */
    private static final Instant SIX_WEEKS_ON = Instant.parse("2026-06-29T09:00:00Z");
    /** Four weeks after the ending, already past. */
    private static final Instant FOUR_WEEKS_ON = Instant.parse("2026-06-15T08:00:00Z");

    private FixtureConfiguration<Episode> fixture;
    private InMemoryTherapistRoster roster;

    @BeforeEach
    void setUp() {
        roster = Therapists.clinicRoster();
        fixture = new AggregateTestFixture<>(Episode.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(roster);
    }

    private static List<Object> completed() {
        return and(courseCompleted(), new TherapyEnded(EPISODE, ENDED_ON, EndReason.COMPLETED));
    }

    private static FollowUpBooked followUpAt(Instant startsAt) {
        return new FollowUpBooked(EPISODE, THERAPIST, startsAt, SESSION_MINUTES, MODE);
    }

    @Test
    void givenACompletedCourse_whenAFollowUpIsBookedSixWeeksOn_thenBookedWithTheEpisodesTherapist() {
        fixture.given(completed())
                .when(new BookFollowUp(EPISODE, SIX_WEEKS_ON, SESSION_MINUTES, MODE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(followUpAt(SIX_WEEKS_ON));
    }

    @Test
    void givenInTherapy_whenAFollowUpIsBooked_thenRefused() {
        fixture.given(withSessionsAttended(3))
                .when(new BookFollowUp(EPISODE, SIX_WEEKS_ON, SESSION_MINUTES, MODE))
                .expectNoEvents()
                .expectException(EpisodeNotEnded.class);
    }

    @Test
    void givenEndedWithoutTreatment_whenAFollowUpIsBooked_thenRefused() {
        fixture.given(assessedNotSuitable())
                .when(new BookFollowUp(EPISODE, SIX_WEEKS_ON, SESSION_MINUTES, MODE))
                .expectNoEvents()
                .expectException(NoSessionAttended.class);
    }

    @Test
    void givenAFollowUpBooked_whenAnotherIsBooked_thenRefused() {
        fixture.given(and(completed(), followUpAt(SIX_WEEKS_ON)))
                .when(new BookFollowUp(EPISODE, SIX_WEEKS_ON.plusSeconds(86_400), SESSION_MINUTES, MODE))
                .expectNoEvents()
                .expectException(FollowUpAlreadyBooked.class);
    }

    @Test
    void givenACompletedCourse_whenTheFollowUpIsOnTheDayOfTheEnding_thenRefused() {
        fixture.given(completed())
                .when(new BookFollowUp(EPISODE, Instant.parse("2026-05-18T15:00:00Z"), SESSION_MINUTES, MODE))
                .expectNoEvents()
                .expectException(FollowUpBeforeEnding.class);
    }

    @Test
    void givenTheTherapistBusyThen_whenTheFollowUpIsBooked_thenRefused() {
        roster.reserve(THERAPIST, ANOTHER_EPISODE, 3, SIX_WEEKS_ON, SIX_WEEKS_ON.plusSeconds(3000));
        fixture.given(completed())
                .when(new BookFollowUp(EPISODE, SIX_WEEKS_ON, SESSION_MINUTES, MODE))
                .expectNoEvents()
                .expectException(TherapistDoubleBooked.class);
    }

    @Test
    void givenACompletedCourse_whenTheFollowUpHasNoMode_thenRefused() {
        fixture.given(completed())
                .when(new BookFollowUp(EPISODE, SIX_WEEKS_ON, SESSION_MINUTES, null))
                .expectNoEvents()
                .expectException(invalidInput("mode"));
    }

    @Test
    void givenAFollowUpThatHasStarted_whenAttendedWithMeasures_thenItsOwnMeasuresAreRecordedAndTheEpisodeStaysEnded() {
        LocalDate day = LocalDate.ofInstant(FOUR_WEEKS_ON, LONDON);
        fixture.given(and(completed(), followUpAt(FOUR_WEEKS_ON)))
                .when(new RecordFollowUpAttendance(EPISODE, PHQ9_IN_SESSION, GAD7_IN_SESSION, SESSION_PHQ9, SESSION_GAD7))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FollowUpAttended(EPISODE, FOUR_WEEKS_ON),
                        new FollowUpMeasureRecorded(EPISODE, SESSION_PHQ9, Instrument.PHQ9, PHQ9_IN_SESSION,
                                PHQ9_IN_SESSION_TOTAL, day),
                        new FollowUpMeasureRecorded(EPISODE, SESSION_GAD7, Instrument.GAD7, GAD7_IN_SESSION,
                                GAD7_IN_SESSION_TOTAL, day));
    }

    @Test
    void givenAFollowUpThatHasStarted_whenItsPhq9HasItem9One_thenARiskIndicationFollows() {
        LocalDate day = LocalDate.ofInstant(FOUR_WEEKS_ON, LONDON);
        fixture.given(and(completed(), followUpAt(FOUR_WEEKS_ON)))
                .when(new RecordFollowUpAttendance(EPISODE, PHQ9_ITEM9_ONE, null, SESSION_PHQ9, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FollowUpAttended(EPISODE, FOUR_WEEKS_ON),
                        new FollowUpMeasureRecorded(EPISODE, SESSION_PHQ9, Instrument.PHQ9, PHQ9_ITEM9_ONE,
                                PHQ9_ITEM9_ONE_TOTAL, day),
                        new RiskIndicated(EPISODE, SESSION_PHQ9, 1, day));
    }

    @Test
    void givenAFollowUpAhead_whenAttended_thenRefused() {
        fixture.given(and(completed(), followUpAt(SIX_WEEKS_ON)))
                .when(new RecordFollowUpAttendance(EPISODE, null, null, null, null))
                .expectNoEvents()
                .expectException(SessionInFuture.class);
    }

    @Test
    void givenNoFollowUp_whenAttended_thenRefused() {
        fixture.given(completed())
                .when(new RecordFollowUpAttendance(EPISODE, null, null, null, null))
                .expectNoEvents()
                .expectException(FollowUpNotBooked.class);
    }

    @Test
    void givenTheFollowUpRecorded_whenRecordedAgain_thenRefused() {
        fixture.given(and(completed(), followUpAt(FOUR_WEEKS_ON), new FollowUpAttended(EPISODE, FOUR_WEEKS_ON)))
                .when(new RecordFollowUpAttendance(EPISODE, null, null, null, null))
                .expectNoEvents()
                .expectException(FollowUpNotBooked.class);
    }

    @Test
    void givenAFollowUpMeasure_whenMarkedEnteredInError_thenMarked() {
        LocalDate day = LocalDate.ofInstant(FOUR_WEEKS_ON, LONDON);
        fixture.given(and(completed(), followUpAt(FOUR_WEEKS_ON), new FollowUpAttended(EPISODE, FOUR_WEEKS_ON),
                        new FollowUpMeasureRecorded(EPISODE, NEW_MEASURE, Instrument.GAD7, GAD7_IN_SESSION,
                                GAD7_IN_SESSION_TOTAL, day)))
                .when(new MarkMeasureEnteredInError(EPISODE, NEW_MEASURE, ERROR_REASON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeasureEnteredInError(EPISODE, NEW_MEASURE, ERROR_REASON));
    }
}
