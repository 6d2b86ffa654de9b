package org.dit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestDatabase;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every request for client-level data is in the access log, allowed or refused, lists included; no log, no data. */
@ApiTest
class AccessLogApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api lead;
    Api auditor;
    Clinic clinic;
    String therapistA;
    String episodeOfA;

    @BeforeEach
    void aTherapistWithOneClientInTherapy() {
        lead = new Api(port);
        auditor = lead.as("auditor");
        clinic = new Clinic(lead);
        therapistA = clinic.registerTherapist(3);
        episodeOfA = clinic.clientInTherapyWith(therapistA);
        clinic.book(episodeOfA, Clinic.week(1));
        clinic.attend(episodeOfA, 1, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        clinic.episodeWhen(episodeOfA, e -> e.get("sessions").size() == 1);
    }

    private List<String> accessesOf(String episodeId) {
        List<String> lines = new ArrayList<>();
        auditor.get("/api/audit/access?episodeId=" + episodeId).json().forEach(a -> lines.add(
                a.get("actor").asText() + " " + a.get("endpoint").asText() + " " + a.get("status").asInt() + " "
                        + a.get("outcome").asText()));
        return lines;
    }

    @Test
    void givenAColleagueRefusedTheRecord_whenTheAuditorAsks_thenTheRefusedReadIsListed() {
        String therapistB = clinic.registerTherapist(3);
        Api colleague = lead.withBearer(TestTokens.token("therapist-b-" + therapistB.substring(0, 8), List.of("THERAPIST"),
                UUID.fromString(therapistB)));

        assertThat(colleague.get("/api/episodes/" + episodeOfA).status()).isEqualTo(403);
        assertThat(colleague.get("/api/outcomes/episodes/" + episodeOfA).status()).isEqualTo(403);

        assertThat(accessesOf(episodeOfA)).anyMatch(line -> line.matches(
                ".*therapist-b-\\S+ GET /api/episodes/\\{episodeId} 403 REFUSED"))
                .anyMatch(line -> line.matches(".*therapist-b-\\S+ GET /api/outcomes/episodes/\\{episodeId} 403 REFUSED"));
    }

    @Test
    void givenListsThatHoldTheEpisode_whenTheAuditorAsks_thenEachListReadIsListedWithTheEpisode() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lead.as("supervisor")
                .get("/api/caseloads/" + therapistA).json().path("entries").toString().contains(episodeOfA));
        String waiting = clinic.waitingClient();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lead.as("admin")
                .get("/api/waiting-list").text().contains(waiting));

        assertThat(accessesOf(episodeOfA)).contains("supervisor GET /api/caseloads/{therapistId} 200 ALLOWED");
        assertThat(accessesOf(waiting)).contains("admin GET /api/waiting-list 200 ALLOWED");
    }

    @Test
    void givenTheExport_whenItIsRead_thenTheRequestIsInTheLogWithWhatWasAsked() {
        String exports = "SELECT count(*) FROM audit_access_log WHERE actor = 'auditor'"
                + " AND request = '/api/audit/events?after=7&limit=3' AND outcome = 'ALLOWED'";
        long before = count(exports);

        assertThat(auditor.get("/api/audit/events?after=7&limit=3").status()).isEqualTo(200);

        assertThat(count(exports)).isEqualTo(before + 1);
    }

    @Test
    void givenTheAccessLogCannotBeWritten_whenTheRecordIsRead_then503AndNoneOfTheData() {
        // the fault is a trigger: only the owner of the tables may add one, never the service's role
        JdbcTemplate owner = TestDatabase.owner();
        owner.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_access_row() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'access log unwritable (test)'; END $$""");
        owner.execute("CREATE TRIGGER test_refuse_access_row BEFORE INSERT ON audit_access_log FOR EACH ROW "
                + "WHEN (NEW.episode_id = '" + episodeOfA + "') EXECUTE FUNCTION test_refuse_access_row()");
        try {
            Api.Response read = lead.as("supervisor").get("/api/episodes/" + episodeOfA);

            assertThat(read.status()).isEqualTo(503);
            assertThat(read.json().get("type").asText()).isEqualTo("/problems/access-log-unavailable");
            assertThat(read.text()).doesNotContain("IN_THERAPY").doesNotContain("sessions");
            assertThat(read.header("Retry-After")).isNotNull();
        } finally {
            owner.execute("DROP TRIGGER test_refuse_access_row ON audit_access_log");
        }
        assertThat(lead.as("supervisor").get("/api/episodes/" + episodeOfA).status()).isEqualTo(200);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
