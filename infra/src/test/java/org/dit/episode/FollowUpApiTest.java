package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The follow-up appointment after the ending (DESIGN §2): booked and recorded with its own measures; the episode stays
 * ended, and its outcome keeps the scores of treatment.
 */
@ApiTest
class FollowUpApiTest {

    private static final String ENDED_ON = "2026-04-10";
    /** Six weeks after the ending. */
    private static final String FOLLOW_UP_AT = "2026-05-22T09:00:00Z";
    /** Worse than at the end of treatment: PHQ-9 21, GAD-7 16. */
    private static final List<Integer> PHQ9_21 = List.of(3, 3, 3, 3, 3, 2, 2, 2, 0);
    private static final List<Integer> GAD7_16 = List.of(3, 3, 2, 2, 2, 2, 2);

    @LocalServerPort
    int port;

    Api api;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
    }

    /** Two sessions attended (the second with mild scores), then the course ended. */
    private String endedAfterTwoSessions() {
        String episode = clinic.clientInTherapyWith(clinic.registerTherapist(3));
        clinic.book(episode, Clinic.week(1));
        clinic.attend(episode, 1, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        clinic.book(episode, Clinic.week(2));
        clinic.attend(episode, 2, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);
        accepted(api.post("/api/episodes/" + episode + "/ending", Map.of("endedOn", ENDED_ON, "reason", "DROPPED_OUT")));
        return episode;
    }

    private Api.Response book(String episode, String startsAt) {
        return api.post("/api/episodes/" + episode + "/follow-up", Map.of("startsAt", startsAt, "mode", "VIDEO"));
    }

    private JsonNode outcome(String episode) {
        return api.get("/api/outcomes/episodes/" + episode).json();
    }

    @Test
    void givenAnEndedCourse_whenTheFollowUpIsBookedAndRecordedWithWorseScores_thenShownApartAndTheOutcomeUnchanged() {
        String episode = endedAfterTwoSessions();
        JsonNode before = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> outcome(episode), o -> o.path("ended").asBoolean());

        Api.Response booked = book(episode, FOLLOW_UP_AT);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        Api.Response recorded = api.post("/api/episodes/" + episode + "/follow-up/attendance",
                Map.of("phq9", PHQ9_21, "gad7", GAD7_16));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);

        JsonNode view = clinic.episodeWhen(episode, e -> e.path("followUp").path("measures").size() == 2);
        assertThat(view.path("status").asText()).isEqualTo("ENDED");
        assertThat(view.path("followUp").path("startsAt").asText()).isEqualTo(FOLLOW_UP_AT);
        assertThat(view.path("followUp").path("state").asText()).isEqualTo("ATTENDED");
        assertThat(view.path("followUp").path("measures").findValuesAsText("total")).containsExactly("21", "16");
        assertThat(view.path("followUp").path("measures").get(0).path("measureId").asText())
                .isEqualTo(recorded.json().path("phq9MeasureId").asText());
        assertThat(view.path("measures").findValuesAsText("total")).doesNotContain("21", "16");
        assertThat(view.path("sessions")).hasSize(2);
        JsonNode after = outcome(episode);
        assertThat(after.path("lastPhq9").asInt()).isEqualTo(6).isEqualTo(before.path("lastPhq9").asInt());
        assertThat(after.path("lastGad7").asInt()).isEqualTo(5).isEqualTo(before.path("lastGad7").asInt());
        assertThat(after.path("reliableImprovement")).isEqualTo(before.path("reliableImprovement"));
        assertThat(book(episode, "2026-06-22T09:00:00Z").json().path("type").asText())
                .isEqualTo("/problems/follow-up-already-booked");
    }

    @Test
    void givenAnEpisodeInTherapy_whenAFollowUpIsBooked_thenRefused_andOnTheDayOfTheEndingToo() {
        String inTherapy = clinic.clientInTherapyWith(clinic.registerTherapist(3));
        String ended = endedAfterTwoSessions();

        assertThat(book(inTherapy, FOLLOW_UP_AT).json().path("type").asText()).isEqualTo("/problems/episode-not-ended");
        assertThat(book(ended, ENDED_ON + "T15:00:00Z").json().path("type").asText())
                .isEqualTo("/problems/follow-up-before-ending");
        assertThat(api.post("/api/episodes/" + ended + "/follow-up/attendance", null).json().path("type").asText())
                .isEqualTo("/problems/follow-up-not-booked");
    }
}
