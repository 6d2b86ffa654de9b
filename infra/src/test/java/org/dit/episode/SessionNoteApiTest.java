package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A short note per attended session (DESIGN §2), written by the episode's therapist or a supervisor. */
@ApiTest
class SessionNoteApiTest {

    private static final String NOTE = "Named the pull to keep quiet when her sister visited; she recognised it at once.";

    @LocalServerPort
    int port;

    Api api;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
    }

    @Test
    void givenAnAttendedSession_whenItsTherapistWritesANote_thenTheEpisodeShowsIt() {
        String therapist = clinic.registerTherapist(3);
        String episode = clinic.clientInTherapyWith(therapist);
        clinic.book(episode, Clinic.week(1));
        clinic.attend(episode, 1, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);
        clinic.book(episode, Clinic.week(2));
        Api own = api.withBearer(TestTokens.token("note-therapist", List.of("THERAPIST"), UUID.fromString(therapist)));

        Api.Response written = own.post("/api/episodes/" + episode + "/sessions/1/note", Map.of("text", NOTE));

        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        JsonNode view = clinic.episodeWhen(episode, e -> e.path("sessions").path(0).path("note").isTextual());
        assertThat(view.path("sessions").get(0).path("note").asText()).isEqualTo(NOTE);
        assertThat(view.path("sessions").get(1).path("note").isNull()).isTrue();
        Api.Response booked = api.post("/api/episodes/" + episode + "/sessions/2/note", Map.of("text", NOTE));
        assertThat(booked.json().path("type").asText()).isEqualTo("/problems/session-not-attended");
    }

    @Test
    void givenAnAttendedSession_whenANoteOver4000CharactersIsSent_then400_andAnAdministratorMayNotWriteOne() {
        String episode = clinic.clientInTherapyWith(clinic.registerTherapist(3));
        clinic.book(episode, Clinic.week(1));
        clinic.attend(episode, 1, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);

        Api.Response tooLong = api.post("/api/episodes/" + episode + "/sessions/1/note", Map.of("text", "n".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("invalidParams").findValuesAsText("name")).contains("text");
        accepted(api.post("/api/episodes/" + episode + "/sessions/1/note", Map.of("text", "n".repeat(4000))));
        assertThat(api.as("admin").post("/api/episodes/" + episode + "/sessions/1/note", Map.of("text", NOTE)).status())
                .isEqualTo(403);
    }
}
