package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A shorter course agreed by therapist and client (DESIGN §2): the edges 7 (refused), 8 and 11 (a supervisor approves)
 * and 12 (no approval needed), and a COMPLETED ending at the shortened length.
 */
@ApiTest
class CourseLengthApiTest {

    private static final String REASON = "The focus is worked through; client and therapist agree to end early";
    private static final String SUPERVISOR = "Dr A. Supervisor";

    @LocalServerPort
    int port;

    Api api;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
    }

    /** Four sessions attended, the focus agreed after the fourth. */
    private String fourSessionsIn() {
        String episode = clinic.clientInTherapyWith(clinic.registerTherapist(3));
        clinic.attendSessions(episode, 4);
        clinic.agreeFocus(episode);
        return episode;
    }

    private Api.Response shorten(String episode, int length, String approvedBy) {
        Map<String, Object> body = new HashMap<>(Map.of("courseLength", length, "reason", REASON));
        if (approvedBy != null) {
            body.put("approvedBy", approvedBy);
        }
        return api.post("/api/episodes/" + episode + "/course-length", body);
    }

    @Test
    void given7Sessions_whenAgreed_thenRefusedBelowTheMinimum_evenWithApproval() {
        Api.Response response = shorten(fourSessionsIn(), 7, SUPERVISOR);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("type").asText()).isEqualTo("/problems/course-length-below-minimum");
    }

    @Test
    void given8Or11Sessions_whenAgreedWithoutApproval_then400_andWithApproval_thenShortened() {
        String eight = fourSessionsIn();
        String eleven = fourSessionsIn();

        Api.Response unapproved = shorten(eleven, 11, null);
        assertThat(unapproved.status()).isEqualTo(400);
        assertThat(unapproved.json().path("invalidParams").findValuesAsText("name")).containsExactly("approvedBy");
        assertThat(shorten(eight, 8, null).status()).isEqualTo(400);

        accepted(shorten(eight, 8, SUPERVISOR));
        accepted(shorten(eleven, 11, SUPERVISOR));

        assertThat(clinic.episodeWhen(eight, e -> e.path("courseLength").asInt() == 8).path("phase").asText())
                .isEqualTo("INITIAL");
        assertThat(clinic.episodeWhen(eleven, e -> e.path("courseLength").asInt() == 11).path("phase").asText())
                .isEqualTo("INITIAL");
    }

    @Test
    void given12Sessions_whenAgreedWithoutApproval_thenShortened() {
        String episode = fourSessionsIn();

        Api.Response response = shorten(episode, 12, null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("courseLength").asInt()).isEqualTo(12);
        clinic.episodeWhen(episode, e -> e.path("courseLength").asInt() == 12);
    }

    @Test
    void givenShortenedTo8_whenSessions5To8AreHeldAndTheLetterShared_thenTheCourseEndsCompleted() {
        String episode = fourSessionsIn();
        accepted(shorten(episode, 8, SUPERVISOR));

        for (int n = 5; n <= 8; n++) {
            clinic.book(episode, Clinic.week(n));
            clinic.attend(episode, n, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);
            if (n == 5) {
                accepted(api.post("/api/episodes/" + episode + "/goodbye-letter", Map.of("sharedOn", "2026-04-20")));
            }
        }
        Api.Response ninth = api.post("/api/episodes/" + episode + "/sessions",
                Map.of("startsAt", Clinic.week(9).toString(), "mode", "IN_PERSON"));
        assertThat(ninth.json().path("type").asText()).isEqualTo("/problems/course-full");
        accepted(api.post("/api/episodes/" + episode + "/ending", Map.of("endedOn", "2026-05-15", "reason", "COMPLETED")));

        JsonNode ended = clinic.episodeWhen(episode, e -> "ENDED".equals(e.path("status").asText()));
        assertThat(ended.path("endReason").asText()).isEqualTo("COMPLETED");
        assertThat(ended.path("phase").asText()).isEqualTo("ENDING");
        assertThat(ended.path("courseLength").asInt()).isEqualTo(8);
    }

    @Test
    void givenTenSessionsBooked_whenShortenedTo9_thenRefused() {
        String episode = clinic.clientInTherapyWith(clinic.registerTherapist(3));
        for (int n = 1; n <= 10; n++) {
            clinic.book(episode, Clinic.week(n));
        }

        Api.Response response = shorten(episode, 9, SUPERVISOR);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("type").asText()).isEqualTo("/problems/sessions-beyond-course-length");
    }
}
