package org.dit.command.episode;

import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.episode.Episodes.*;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.command.episode.EpisodePolicy.SessionNotAttended;
import org.dit.command.therapist.Therapists;
import org.dit.events.episode.SessionNoteWritten;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A short note per attended session (DESIGN §2), at most 4,000 characters. */
class EpisodeSessionNoteTest {

    private static final String NOTE = "Talked about her sister's visit; noticed the familiar pull to keep quiet and named it.";

    private FixtureConfiguration<Episode> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Episode.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(Therapists.clinicRoster());
    }

    @Test
    void givenSessionAttended_whenANoteIsWritten_thenItIsKeptStripped() {
        fixture.given(withSessionsAttended(2))
                .when(new WriteSessionNote(EPISODE, 2, "  " + NOTE + "\n"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionNoteWritten(EPISODE, 2, NOTE));
    }

    @Test
    void givenTheCourseEnded_whenANoteOfAnAttendedSessionIsWritten_thenKept() {
        fixture.given(droppedOut())
                .when(new WriteSessionNote(EPISODE, 1, NOTE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionNoteWritten(EPISODE, 1, NOTE));
    }

    @Test
    void givenANoteOfExactly4000Characters_whenWritten_thenKept() {
        String longest = "n".repeat(EpisodePolicy.MAX_NOTE_LENGTH);
        fixture.given(withSessionsAttended(1))
                .when(new WriteSessionNote(EPISODE, 1, longest))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionNoteWritten(EPISODE, 1, longest));
    }

    @Test
    void givenANoteOf4001Characters_whenWritten_thenRefused() {
        fixture.given(withSessionsAttended(1))
                .when(new WriteSessionNote(EPISODE, 1, "n".repeat(EpisodePolicy.MAX_NOTE_LENGTH + 1)))
                .expectNoEvents()
                .expectException(invalidInput("text"));
    }

    @Test
    void givenSessionOnlyBooked_whenANoteIsWritten_thenRefused() {
        fixture.given(withSessionsBooked(1))
                .when(new WriteSessionNote(EPISODE, 1, NOTE))
                .expectNoEvents()
                .expectException(SessionNotAttended.class);
    }

    @Test
    void givenSessionMissed_whenANoteIsWritten_thenRefused() {
        fixture.given(and(withSessionsBooked(1), missed(1)))
                .when(new WriteSessionNote(EPISODE, 1, NOTE))
                .expectNoEvents()
                .expectException(SessionNotAttended.class);
    }

    @Test
    void givenSessionAttended_whenABlankNoteIsWritten_thenRefused() {
        fixture.given(withSessionsAttended(1))
                .when(new WriteSessionNote(EPISODE, 1, " "))
                .expectNoEvents()
                .expectException(invalidInput("text"));
    }
}
