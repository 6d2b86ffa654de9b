package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dit.command.therapist.RosterRebuild;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side's lookups (cmd_therapist, cmd_caseload, cmd_session_slot) follow the log: written with a command's
 * events or not at all, and rebuilt from the log alone.
 */
@ApiTest
class TherapistRosterApiTest {

    private static final Duration SESSION = Duration.ofMinutes(50);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RosterRebuild rosterRebuild;

    Api api;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
    }

    @Test
    void givenAClinicAtWork_whenTheLookupsAreEmptiedAndRebuiltFromTheLog_thenTheyHoldTheSameRows() {
        String therapist = clinic.registerTherapist(3);
        String colleague = clinic.registerTherapist(2);
        String continuing = clinic.clientInTherapyWith(therapist);
        for (int n = 1; n <= 3; n++) {
            clinic.book(continuing, Clinic.week(n));
        }
        Instant movedTo = Clinic.week(3).plus(Duration.ofDays(1));
        Clinic.accepted(api.post("/api/episodes/" + continuing + "/sessions/3/reschedule",
                Map.of("startsAt", movedTo.toString())));
        Clinic.accepted(api.post("/api/episodes/" + continuing + "/sessions/2/cancellation", Map.of("cancelledBy", "CLIENT")));
        String droppedOut = clinic.clientInTherapyWith(therapist);
        clinic.book(droppedOut, Clinic.week(1).plus(Duration.ofHours(2)));
        Clinic.accepted(api.post("/api/episodes/" + droppedOut + "/ending",
                Map.of("endedOn", Clinic.ALLOCATED_ON.toString(), "reason", "DROPPED_OUT")));
        clinic.clientInTherapyWith(colleague);

        assertThat(openEpisodes(therapist)).isEqualTo(1);
        assertThat(slots(continuing)).containsExactly(
                List.of(Clinic.week(1), Clinic.week(1).plus(SESSION)), List.of(movedTo, movedTo.plus(SESSION)));
        assertThat(slots(droppedOut)).isEmpty();
        Map<String, List<String>> live = lookups();

        jdbc.update("DELETE FROM cmd_episode_stage");
        jdbc.update("DELETE FROM cmd_session_slot");
        jdbc.update("DELETE FROM cmd_caseload");
        jdbc.update("DELETE FROM cmd_therapist");
        assertThat(lookups().values()).allSatisfy(rows -> assertThat(rows).isEmpty());

        long applied = rosterRebuild.rebuild();

        assertThat(applied).isPositive();
        assertThat(lookups()).isEqualTo(live);
    }

    @Test
    void givenAFourHourSession_whenAnotherStartsInItsLastMinutes_thenDoubleBooked_andRightAtItsEndItIsFree() {
        String therapist = clinic.registerTherapist(3);
        String longOne = clinic.clientInTherapyWith(therapist);
        String other = clinic.clientInTherapyWith(therapist);
        Instant start = Clinic.week(1);
        Clinic.accepted(api.post("/api/episodes/" + longOne + "/sessions",
                Map.of("startsAt", start.toString(), "durationMinutes", 240, "mode", "IN_PERSON")));

        Api.Response inItsLastMinutes = api.post("/api/episodes/" + other + "/sessions",
                Map.of("startsAt", start.plus(Duration.ofMinutes(239)).toString(), "mode", "IN_PERSON"));
        Api.Response atItsEnd = api.post("/api/episodes/" + other + "/sessions",
                Map.of("startsAt", start.plus(Duration.ofMinutes(240)).toString(), "mode", "IN_PERSON"));

        assertThat(inItsLastMinutes.status()).as(inItsLastMinutes.toString()).isEqualTo(409);
        assertThat(inItsLastMinutes.json().get("type").asText()).isEqualTo("/problems/therapist-double-booked");
        assertThat(atItsEnd.status()).as(atItsEnd.toString()).isEqualTo(201);
    }

    @Test
    void givenTherapistAtCapacity_whenAllocated_thenRefusedAndTheirCaseloadUnchanged() {
        String therapist = clinic.registerTherapist(1);
        clinic.clientInTherapyWith(therapist);
        String waiting = clinic.waitingClient();

        Api.Response response = allocate(waiting, therapist);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/therapist-at-capacity");
        assertThat(caseloadRows(waiting)).isZero();
        assertThat(openEpisodes(therapist)).isEqualTo(1);
    }

    @Test
    void givenTheAllocationsLookupCannotBeWritten_whenAllocated_thenTheCommandFailsAndAppendsNothing() {
        String therapist = clinic.registerTherapist(3);
        String waiting = clinic.waitingClient();
        // a stray, ended row: no capacity taken, but the row the allocation's event would insert exists already
        jdbc.update("INSERT INTO cmd_caseload (episode_id, therapist_id, ended) VALUES (?, ?, TRUE)",
                UUID.fromString(waiting), UUID.fromString(therapist));
        try {
            Api.Response response = allocate(waiting, therapist);

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry
                     WHERE aggregate_identifier = ? AND payload_type LIKE '%.TherapistAllocated'""", Long.class, waiting))
                    .isZero();
            assertThat(openEpisodes(therapist)).isZero();
        } finally {
            jdbc.update("DELETE FROM cmd_caseload WHERE episode_id = ?", UUID.fromString(waiting));
        }
    }

    private Api.Response allocate(String episodeId, String therapistId) {
        return api.post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString()));
    }

    private long openEpisodes(String therapistId) {
        return jdbc.queryForObject("SELECT count(*) FROM cmd_caseload WHERE therapist_id = ? AND NOT ended", Long.class,
                UUID.fromString(therapistId));
    }

    private long caseloadRows(String episodeId) {
        return jdbc.queryForObject("SELECT count(*) FROM cmd_caseload WHERE episode_id = ?", Long.class,
                UUID.fromString(episodeId));
    }

    private List<List<Instant>> slots(String episodeId) {
        return jdbc.query("SELECT starts_at, ends_at FROM cmd_session_slot WHERE episode_id = ? ORDER BY session_number",
                (rs, i) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()), UUID.fromString(episodeId));
    }

    private Map<String, List<String>> lookups() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rows.put("cmd_therapist", jdbc.queryForList("""
                SELECT therapist_id || ' ' || accreditation || ' ' || max_caseload || ' ' || active
                  FROM cmd_therapist ORDER BY 1""", String.class));
        rows.put("cmd_caseload", jdbc.queryForList("""
                SELECT episode_id || ' ' || therapist_id || ' ' || ended FROM cmd_caseload ORDER BY 1""", String.class));
        rows.put("cmd_session_slot", jdbc.queryForList("""
                SELECT episode_id || ' ' || session_number || ' ' || therapist_id || ' ' || starts_at || ' ' || ends_at
                  FROM cmd_session_slot ORDER BY 1""", String.class));
        rows.put("cmd_episode_stage", jdbc.queryForList("""
                SELECT episode_id || ' ' || status FROM cmd_episode_stage ORDER BY 1""", String.class));
        return rows;
    }
}
