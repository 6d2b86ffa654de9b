package org.dit.command.episode;

import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.episode.Episodes.*;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.command.episode.EpisodePolicy.CourseFull;
import org.dit.command.episode.EpisodePolicy.CourseLengthBelowMinimum;
import org.dit.command.episode.EpisodePolicy.CourseNotShortened;
import org.dit.command.episode.EpisodePolicy.EpisodeEnded;
import org.dit.command.episode.EpisodePolicy.SessionsBeyondCourseLength;
import org.dit.command.therapist.Therapists;
import org.dit.events.episode.CourseShortened;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Phase;
import org.dit.events.episode.TherapyEnded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shorter course agreed by therapist and client (DESIGN §2): at least 8 sessions, a supervisor's approval below 12,
 * never shorter than the sessions already booked or held; the phases follow the new length.
 */
class EpisodeCourseLengthTest {

    private static final String REASON = "The focus is worked through; client and therapist agree to end early.";

    private FixtureConfiguration<Episode> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Episode.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(Therapists.clinicRoster());
    }

    private static CourseShortened shortenedTo(int length, String approvedBy) {
        return new CourseShortened(EPISODE, length, Phase.DEFAULT_COURSE_LENGTH, REASON, approvedBy);
    }

    @Test
    void givenFourSessionsAttended_whenShortenedTo8WithApproval_thenShortened() {
        fixture.given(withSessionsAttended(4))
                .when(new ShortenCourse(EPISODE, 8, REASON, " " + SUPERVISOR_NAME + " "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(shortenedTo(8, SUPERVISOR_NAME));
    }

    @Test
    void givenFourSessionsAttended_whenShortenedTo11WithoutApproval_thenRefused() {
        fixture.given(withSessionsAttended(4))
                .when(new ShortenCourse(EPISODE, 11, REASON, "  "))
                .expectNoEvents()
                .expectException(invalidInput("approvedBy"));
    }

    @Test
    void givenFourSessionsAttended_whenShortenedTo11WithApproval_thenShortened() {
        fixture.given(withSessionsAttended(4))
                .when(new ShortenCourse(EPISODE, 11, REASON, SUPERVISOR_NAME))
                .expectSuccessfulHandlerExecution()
                .expectEvents(shortenedTo(11, SUPERVISOR_NAME));
    }

    @Test
    void givenFourSessionsAttended_whenShortenedTo12WithoutApproval_thenShortened() {
        fixture.given(withSessionsAttended(4))
                .when(new ShortenCourse(EPISODE, 12, REASON, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(shortenedTo(12, null));
    }

    @Test
    void givenFourSessionsAttended_whenShortenedTo7_thenRefusedEvenWithApproval() {
        fixture.given(withSessionsAttended(4))
                .when(new ShortenCourse(EPISODE, 7, REASON, SUPERVISOR_NAME))
                .expectNoEvents()
                .expectException(CourseLengthBelowMinimum.class);
    }

    @Test
    void givenTheDefaultCourse_whenSetTo16_thenRefusedAsNotShorter() {
        fixture.given(withSessionsAttended(4))
                .when(new ShortenCourse(EPISODE, 16, REASON, null))
                .expectNoEvents()
                .expectException(CourseNotShortened.class);
    }

    @Test
    void givenTenSessionsBooked_whenShortenedTo9_thenRefused_butTo10Accepted() {
        fixture.given(withSessionsBooked(10))
                .when(new ShortenCourse(EPISODE, 9, REASON, SUPERVISOR_NAME))
                .expectNoEvents()
                .expectException(SessionsBeyondCourseLength.class);
        fixture.given(withSessionsBooked(10))
                .when(new ShortenCourse(EPISODE, 10, REASON, SUPERVISOR_NAME))
                .expectSuccessfulHandlerExecution()
                .expectEvents(shortenedTo(10, SUPERVISOR_NAME));
    }

    @Test
    void givenNineSessionsAttended_whenShortenedTo8_thenRefused() {
        fixture.given(withSessionsAttended(9))
                .when(new ShortenCourse(EPISODE, 8, REASON, SUPERVISOR_NAME))
                .expectNoEvents()
                .expectException(SessionsBeyondCourseLength.class);
    }

    @Test
    void givenEnded_whenShortened_thenRefused() {
        fixture.given(droppedOut())
                .when(new ShortenCourse(EPISODE, 12, REASON, null))
                .expectNoEvents()
                .expectException(EpisodeEnded.class);
    }

    @Test
    void givenFourSessionsAttended_whenShortenedWithoutAReason_thenRefused() {
        fixture.given(withSessionsAttended(4))
                .when(new ShortenCourse(EPISODE, 12, null, null))
                .expectNoEvents()
                .expectException(invalidInput("reason"));
    }

    @Test
    void givenShortenedTo8_whenSession5IsAttended_thenTheLetterBelongsToTheEndingPhase() {
        fixture.given(and(withSessionsAttended(5), shortenedTo(8, SUPERVISOR_NAME)))
                .when(new ShareGoodbyeLetter(EPISODE, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GoodbyeLetterShared(EPISODE, TODAY));
    }

    @Test
    void givenShortenedTo8_whenAllEightAreBookedAndANinthIsAsked_thenCourseFull() {
        fixture.given(and(withSessionsBooked(8), shortenedTo(8, SUPERVISOR_NAME)))
                .when(bookingAt(startOf(9)))
                .expectNoEvents()
                .expectException(CourseFull.class);
    }

    @Test
    void givenShortenedTo8AndAllEightAttendedWithTheLetter_whenEndedAsCompleted_thenEnded() {
        List<Object> history = and(withSessionsAttended(4), focusAgreed(4), shortenedTo(8, SUPERVISOR_NAME));
        history = and(history, booked(5), attended(5), booked(6), attended(6), booked(7), attended(7), booked(8), attended(8),
                letterShared());
        fixture.given(history)
                .when(new EndTherapy(EPISODE, TODAY, EndReason.COMPLETED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapyEnded(EPISODE, TODAY, EndReason.COMPLETED));
    }
}
