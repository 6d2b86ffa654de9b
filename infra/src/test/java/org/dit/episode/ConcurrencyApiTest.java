package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules that span aggregates, and rules on one aggregate, hold when commands race. */
@ApiTest
class ConcurrencyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
    }

    /** Fires all requests at once (released together by a latch) and returns their responses. */
    private List<Api.Response> race(int count, Function<Integer, Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Api.Response> call = () -> {
                    start.await();
                    return request.apply(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long sessionsBookedIn(List<String> episodeIds) {
        return episodeIds.stream().mapToLong(id -> jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%.SessionBooked'""", Long.class, id)).sum();
    }

    @Test
    void givenTwentyClientsOfOneTherapist_whenAllBookTheSameSlotAtOnce_thenExactlyOneIsBooked() throws Exception {
        String therapistId = clinic.registerTherapist(20);
        List<String> episodes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            episodes.add(clinic.clientInTherapyWith(therapistId));
        }
        Instant slot = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

        List<Api.Response> responses = race(20, i -> api.post("/api/episodes/" + episodes.get(i) + "/sessions",
                Map.of("startsAt", slot.toString(), "mode", "IN_PERSON")));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(19)
                .allSatisfy(r -> assertThat(r.json().get("type").asText()).isEqualTo("/problems/therapist-double-booked"));
        assertThat(sessionsBookedIn(episodes)).isEqualTo(1);
    }

    @Test
    void givenAFullCaseload_whenClientsAreAllocatedAtOnce_thenOnlyTheFreePlacesAreTaken() throws Exception {
        String therapistId = clinic.registerTherapist(3);
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(clinic.waitingClient());
        }

        List<Api.Response> responses = race(8, i -> api.post("/api/episodes/" + waiting.get(i) + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(3);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.json().get("type").asText()).isEqualTo("/problems/therapist-at-capacity"))
                .hasSize(5);
    }

    @Test
    void givenOneEpisode_whenTheFocusIsAgreedEightTimesAtOnce_thenOnlyOneAgreementIsRecorded() throws Exception {
        String therapistId = clinic.registerTherapist(3);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        clinic.book(episodeId, Clinic.week(1));
        clinic.attend(episodeId, 1, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);

        List<Api.Response> responses = race(8, i -> api.post("/api/episodes/" + episodeId + "/focus", Clinic.FOCUS));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(7)
                .allSatisfy(r -> assertThat(r.json().get("type").asText())
                        .isIn("/problems/revision-reason-required", "/problems/concurrent-modification"));
        Long agreed = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.FocusAgreed'""",
                Long.class, episodeId);
        assertThat(agreed).isEqualTo(1);
    }

    @Test
    void givenOneFreePlaceInTheCourse_whenFiveSessionsAreBookedAtOnce_thenOnlyOneIsBooked() throws Exception {
        String therapistId = clinic.registerTherapist(3);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        for (int n = 1; n <= 15; n++) {
            clinic.book(episodeId, Clinic.week(n));
        }

        List<Api.Response> responses = race(5, i -> api.post("/api/episodes/" + episodeId + "/sessions",
                Map.of("startsAt", Clinic.week(16 + i).toString(), "mode", "VIDEO")));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(4)
                .allSatisfy(r -> assertThat(r.json().get("type").asText())
                        .isIn("/problems/course-full", "/problems/concurrent-modification"));
        assertThat(sessionsBookedIn(List.of(episodeId))).isEqualTo(16);
    }
}
