package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** One client's whole 16-session course over HTTP, read back from the episode read model. */
@ApiTest
class CompleteCourseApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Clinic clinic;
    Api api;
    EventLog log;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
        log = new EventLog(jdbc);
    }

    /** PHQ-9 item scores that fall session by session, from 15 towards 4. */
    private static List<Integer> phq9ForSession(int n) {
        int total = Math.max(4, 15 - n * 11 / 16);
        return spread(total, 9);
    }

    private static List<Integer> gad7ForSession(int n) {
        int total = Math.max(3, 12 - n * 9 / 16);
        return spread(total, 7);
    }

    private static List<Integer> spread(int total, int items) {
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            scores.add(Math.min(3, Math.max(0, total - 3 * i)));
        }
        int excess = scores.stream().mapToInt(Integer::intValue).sum() - total;
        for (int i = items - 1; excess > 0; i--) {
            int take = Math.min(excess, scores.get(i));
            scores.set(i, scores.get(i) - take);
            excess -= take;
        }
        return scores;
    }

    @Test
    void givenAReferral_whenTheWholeCourseIsDelivered_thenTheEpisodeShowsACompletedCourse() {
        String therapistId = clinic.registerTherapist(12);
        String episodeId = clinic.clientInTherapyWith(therapistId);

        for (int n = 1; n <= 16; n++) {
            assertThat(clinic.book(episodeId, Clinic.week(n))).isEqualTo(n);
        }
        for (int n = 1; n <= 16; n++) {
            clinic.attend(episodeId, n, phq9ForSession(n), gad7ForSession(n));
            if (n == 3) {
                clinic.agreeFocus(episodeId);
            }
            if (n == 13) {
                accepted(api.post("/api/episodes/" + episodeId + "/goodbye-letter", Map.of("sharedOn", "2026-06-15")));
            }
        }
        accepted(api.post("/api/episodes/" + episodeId + "/ending", Map.of("endedOn", "2026-07-10", "reason", "COMPLETED")));

        JsonNode episode = clinic.episodeWhen(episodeId, e -> "ENDED".equals(e.get("status").asText()));

        assertThat(episode.get("episodeId").asText()).isEqualTo(episodeId);
        assertThat(episode.get("status").asText()).isEqualTo("ENDED");
        assertThat(episode.get("phase").asText()).isEqualTo("ENDING");
        assertThat(episode.get("courseLength").asInt()).isEqualTo(16);
        assertThat(episode.get("therapistId").asText()).isEqualTo(therapistId);
        assertThat(episode.get("endedOn").asText()).isEqualTo("2026-07-10");
        assertThat(episode.get("endReason").asText()).isEqualTo("COMPLETED");
        assertThat(episode.get("goodbyeLetterSharedOn").asText()).isEqualTo("2026-06-15");
        assertThat(episode.get("focus").get("selfRepresentation").asText()).isEqualTo(Clinic.FOCUS.get("selfRepresentation"));
        assertThat(episode.get("focus").get("defensiveFunction").asText()).isEqualTo(Clinic.FOCUS.get("defensiveFunction"));

        JsonNode sessions = episode.get("sessions");
        assertThat(sessions).hasSize(16);
        for (int i = 0; i < 16; i++) {
            assertThat(sessions.get(i).get("number").asInt()).isEqualTo(i + 1);
            assertThat(sessions.get(i).get("state").asText()).isEqualTo("ATTENDED");
            assertThat(sessions.get(i).get("startsAt").asText()).isEqualTo(Clinic.week(i + 1).toString());
            assertThat(sessions.get(i).get("durationMinutes").asInt()).isEqualTo(50);
            assertThat(sessions.get(i).get("mode").asText()).isEqualTo("IN_PERSON");
        }

        JsonNode measures = episode.get("measures");
        assertThat(measures).hasSize(2 + 2 * 16);
        assertThat(measures.get(0).get("instrument").asText()).isEqualTo("PHQ9");
        assertThat(measures.get(0).get("total").asInt()).isEqualTo(15);
        assertThat(measures.get(0).get("severity").asText()).isEqualTo("MODERATELY_SEVERE");
        assertThat(measures.get(0).get("recordedOn").asText()).isEqualTo(Clinic.ASSESSED_ON.toString());
        JsonNode lastPhq9 = measures.get(measures.size() - 2);
        assertThat(lastPhq9.get("instrument").asText()).isEqualTo("PHQ9");
        assertThat(lastPhq9.get("total").asInt()).isEqualTo(phq9ForSession(16).stream().mapToInt(Integer::intValue).sum());
        assertThat(lastPhq9.get("severity").asText()).isEqualTo("MINIMAL");
        assertThat(lastPhq9.get("recordedOn").asText()).isEqualTo("2026-07-06");
        assertThat(measures.findValuesAsText("enteredInError")).containsOnly("false");

        List<String> expected = new ArrayList<>(List.of("ClientReferred", "AssessmentCompleted", "OutcomeMeasureRecorded",
                "OutcomeMeasureRecorded", "ClientWaitlisted", "TherapistAllocated"));
        IntStream.rangeClosed(1, 16).forEach(n -> expected.add("SessionBooked"));
        for (int n = 1; n <= 16; n++) {
            expected.addAll(List.of("SessionAttended", "OutcomeMeasureRecorded", "OutcomeMeasureRecorded"));
            if (n == 3) {
                expected.add("FocusAgreed");
            }
            if (n == 13) {
                expected.add("GoodbyeLetterShared");
            }
        }
        expected.add("TherapyEnded");
        assertThat(log.typesOf(episodeId)).containsExactlyElementsOf(expected);
    }

    @Test
    void givenOpenBookings_whenTherapyEnds_thenTheyAreCancelledAndTheTherapistsPlaceIsFreed() {
        String therapistId = clinic.registerTherapist(1);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        clinic.attendSessions(episodeId, 2);
        clinic.book(episodeId, Clinic.week(3));
        clinic.book(episodeId, Clinic.week(4));

        accepted(api.post("/api/episodes/" + episodeId + "/ending", Map.of("endedOn", "2026-04-20", "reason", "DROPPED_OUT")));

        // the ending's events may reach the view in two batches: wait for the last of them, not only the status
        JsonNode episode = clinic.episodeWhen(episodeId, e -> "ENDED".equals(e.get("status").asText())
                && !e.get("sessions").findValuesAsText("state").contains("BOOKED"));
        assertThat(episode.get("sessions").findValuesAsText("state"))
                .containsExactly("ATTENDED", "ATTENDED", "CANCELLED", "CANCELLED");
        assertThat(episode.get("endReason").asText()).isEqualTo("DROPPED_OUT");
        assertThat(log.typesOf(episodeId)).endsWith("TherapyEnded", "SessionCancelled", "SessionCancelled");
        // the caseload place (capacity 1) is free again for the next client
        String next = clinic.waitingClient();
        accepted(api.post("/api/episodes/" + next + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));
    }

    @Test
    void givenACommand_whenItIsAccepted_thenItsEventsCarryActorCorrelationIdAndCommandName() {
        Api.Response response = api.post("/api/episodes", Clinic.referral(api), "X-Correlation-Id", "trace-4711");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-Correlation-Id")).isEqualTo("trace-4711");
        assertThat(response.header("Location")).isEqualTo("/api/episodes/" + response.json().get("episodeId").asText());
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' AS correlation,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'commandName' AS command,
                       payload_revision
                  FROM domain_event_entry WHERE aggregate_identifier = ?""", response.json().get("episodeId").asText());
        assertThat(row).containsEntry("actor", "clinic-lead").containsEntry("correlation", "trace-4711")
                .containsEntry("command", "ReferClient").containsEntry("payload_revision", "1");
    }

    @Test
    void givenNoCorrelationId_whenACommandIsSent_thenOneIsGeneratedAndEchoed() {
        Api.Response response = api.post("/api/episodes", Clinic.referral(api));

        assertThat(response.header("X-Correlation-Id")).matches("[0-9a-f\\-]{36}");
    }
}
