package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Therapists as clinics run them (DESIGN §2): the list, a maximum caseload below the current load, leaving, and an
 * episode reassigned with its future bookings; the command side's lookups follow each, so capacity and double-booking
 * checks stay right.
 */
@ApiTest
class TherapistsApiTest {

    /** Future slots, far enough ahead to stay in the future; each test takes its own hours. */
    private static final Instant FUTURE = Instant.parse("2099-03-02T09:00:00Z");
    private static final Duration SESSION = Duration.ofMinutes(50);

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

    private Optional<JsonNode> listed(String therapistId) {
        return StreamSupport.stream(api.get("/api/therapists").json().spliterator(), false)
                .filter(t -> t.path("therapistId").asText().equals(therapistId)).findFirst();
    }

    private JsonNode listedWhen(String therapistId, java.util.function.Predicate<JsonNode> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> listed(therapistId), t -> t.isPresent() && condition.test(t.get())).orElseThrow();
    }

    private Api.Response allocate(String episodeId, String therapistId) {
        return api.post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString()));
    }

    private Api.Response book(String episodeId, Instant startsAt) {
        return api.post("/api/episodes/" + episodeId + "/sessions", Map.of("startsAt", startsAt.toString(), "mode", "VIDEO"));
    }

    private Api.Response reassign(String episodeId, String therapistId) {
        return api.as("supervisor").post("/api/episodes/" + episodeId + "/reassignment",
                Map.of("therapistId", therapistId, "reason", "Therapist leaving the service"));
    }

    private static List<Integer> ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }

    @Test
    void givenARegisteredTherapistWithAClient_whenTheTherapistsAreListed_thenTheyShowAsTheClinicRunsThem() {
        String therapist = clinic.registerTherapist(4);
        clinic.clientInTherapyWith(therapist);

        JsonNode shown = listedWhen(therapist, t -> t.path("activeEpisodes").asInt() == 1);

        assertThat(shown.path("name").asText()).isEqualTo("Sam Testwell");
        assertThat(shown.path("accreditation").asText()).isEqualTo("QUALIFIED");
        assertThat(shown.path("active").asBoolean()).isTrue();
        assertThat(shown.path("maxCaseload").asInt()).isEqualTo(4);
        assertThat(api.as("reporting").get("/api/therapists").status()).isEqualTo(403);
    }

    @Test
    void givenTwoClients_whenTheMaxCaseloadIsLoweredToOne_thenAcceptedSayingSo_andNoOneMoreIsAllocated() {
        String therapist = clinic.registerTherapist(3);
        clinic.clientInTherapyWith(therapist);
        clinic.clientInTherapyWith(therapist);

        Api.Response lowered = api.as("admin").post("/api/therapists/" + therapist + "/max-caseload", Map.of("maxCaseload", 1));

        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        assertThat(lowered.json().path("maxCaseload").asInt()).isEqualTo(1);
        assertThat(lowered.json().path("activeEpisodes").asInt()).isEqualTo(2);
        assertThat(lowered.json().path("overCapacity").asBoolean()).isTrue();
        assertThat(lowered.json().path("warning").asText()).contains("2 active episodes", "maximum of 1");
        Api.Response refused = allocate(clinic.waitingClient(), therapist);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).isEqualTo("/problems/therapist-at-capacity");
        listedWhen(therapist, t -> t.path("maxCaseload").asInt() == 1 && t.path("activeEpisodes").asInt() == 2);

        Api.Response raised = api.post("/api/therapists/" + therapist + "/max-caseload", Map.of("maxCaseload", 5));
        assertThat(raised.json().path("overCapacity").asBoolean()).isFalse();
        assertThat(raised.json().path("warning").isNull()).isTrue();
        accepted(allocate(clinic.waitingClient(), therapist));
    }

    @Test
    void givenATherapistWithTwoClients_whenDeactivated_thenTheAnswerNamesBoth_andNewAllocationsAreRefused() {
        String therapist = clinic.registerTherapist(5);
        String first = clinic.clientInTherapyWith(therapist);
        String second = clinic.clientInTherapyWith(therapist);

        Api.Response deactivated = api.post("/api/therapists/" + therapist + "/deactivation", Map.of("reason", "Left the service"));

        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(StreamSupport.stream(deactivated.json().path("episodesToReassign").spliterator(), false)
                .map(JsonNode::asText).toList()).containsExactlyInAnyOrder(first, second);
        Api.Response refused = allocate(clinic.waitingClient(), therapist);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).isEqualTo("/problems/therapist-inactive");
        assertThat(api.post("/api/therapists/" + therapist + "/deactivation", null).status()).isEqualTo(409);
        listedWhen(therapist, t -> !t.path("active").asBoolean() && t.path("activeEpisodes").asInt() == 2);
        Api.Response toLeaver = reassign(clinic.clientInTherapyWith(clinic.registerTherapist(2)), therapist);
        assertThat(toLeaver.json().path("type").asText()).isEqualTo("/problems/therapist-inactive");
    }

    @Test
    void givenTwoFutureBookings_whenReassignedToATherapistBusyAtTheSecond_thenTheFirstMovesAndTheSecondIsCancelled() {
        String leaving = clinic.registerTherapist(3);
        String taking = clinic.registerTherapist(3);
        String episode = clinic.clientInTherapyWith(leaving);
        Instant first = FUTURE;
        Instant second = FUTURE.plus(7, ChronoUnit.DAYS);
        assertThat(book(episode, first).json().path("sessionNumber").asInt()).isEqualTo(1);
        assertThat(book(episode, second).json().path("sessionNumber").asInt()).isEqualTo(2);
        String takersOwnClient = clinic.clientInTherapyWith(taking);
        accepted(book(takersOwnClient, second.plus(Duration.ofMinutes(20))));

        Api.Response response = reassign(episode, taking);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("therapistId").asText()).isEqualTo(taking);
        assertThat(ints(response.json().path("movedSessions"))).containsExactly(1);
        assertThat(ints(response.json().path("cancelledSessions"))).containsExactly(2);
        assertThat(slotHolders(episode)).containsExactly(Map.entry(1, UUID.fromString(taking)));
        assertThat(jdbc.queryForObject("SELECT therapist_id FROM cmd_caseload WHERE episode_id = ?", UUID.class,
                UUID.fromString(episode))).isEqualTo(UUID.fromString(taking));

        // the lookups follow: the moved slot is the new therapist's, the old therapist's hour is free again
        Api.Response clash = book(clinic.clientInTherapyWith(taking), first.plus(Duration.ofMinutes(10)));
        assertThat(clash.json().path("type").asText()).isEqualTo("/problems/therapist-double-booked");
        accepted(book(clinic.clientInTherapyWith(leaving), first));

        JsonNode view = clinic.episodeWhen(episode, e -> e.path("therapistId").asText().equals(taking)
                && e.path("sessions").get(1).path("state").asText().equals("CANCELLED"));
        assertThat(view.path("sessions").get(0).path("state").asText()).isEqualTo("BOOKED");
        listedWhen(taking, t -> t.path("activeEpisodes").asInt() == 3);
        listedWhen(leaving, t -> t.path("activeEpisodes").asInt() == 1);
    }

    @Test
    void givenAFullTherapist_whenAnEpisodeIsReassignedToThem_thenRefusedAndNothingMoves() {
        String leaving = clinic.registerTherapist(3);
        String full = clinic.registerTherapist(1);
        clinic.clientInTherapyWith(full);
        String episode = clinic.clientInTherapyWith(leaving);
        book(episode, FUTURE.plus(Duration.ofHours(3)));

        Api.Response response = reassign(episode, full);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("type").asText()).isEqualTo("/problems/therapist-at-capacity");
        assertThat(slotHolders(episode)).containsExactly(Map.entry(1, UUID.fromString(leaving)));
        assertThat(reassign(episode, leaving).json().path("type").asText()).isEqualTo("/problems/same-therapist");
        assertThat(api.as("admin").post("/api/episodes/" + episode + "/reassignment",
                Map.of("therapistId", full, "reason", "x")).status()).isEqualTo(403);
    }

    private Map<Integer, UUID> slotHolders(String episodeId) {
        Map<Integer, UUID> holders = new java.util.TreeMap<>();
        jdbc.query("SELECT session_number, therapist_id FROM cmd_session_slot WHERE episode_id = ?",
                rs -> {
                    holders.put(rs.getInt(1), rs.getObject(2, UUID.class));
                }, UUID.fromString(episodeId));
        return holders;
    }
}
