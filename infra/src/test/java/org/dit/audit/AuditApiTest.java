package org.dit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an auditor sees: the episode's events, the episode at past instants, the whole log, who read what. */
@ApiTest
class AuditApiTest {

    @LocalServerPort
    int port;

    Api lead;
    Api auditor;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        lead = new Api(port);
        auditor = lead.as("auditor");
        clinic = new Clinic(lead);
    }

    @Test
    void givenACourse_whenTheAuditorReadsItsEvents_thenEachShowsPositionTypeRevisionActorCorrelationAndPayload() {
        String therapistId = clinic.registerTherapist(3);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        lead.post("/api/episodes/" + episodeId + "/sessions", Map.of("startsAt", Clinic.week(1).toString(), "mode", "VIDEO"),
                "X-Correlation-Id", "booking-trace-1");

        JsonNode events = auditor.get("/api/audit/episodes/" + episodeId + "/events").json();

        assertThat(events.findValuesAsText("type")).containsExactly("ClientReferred", "AssessmentCompleted",
                "OutcomeMeasureRecorded", "OutcomeMeasureRecorded", "ClientWaitlisted", "TherapistAllocated", "SessionBooked");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(event.get("revision").asText()).isEqualTo("1");
            assertThat(event.get("actor").asText()).isEqualTo("clinic-lead");
            assertThat(Instant.parse(event.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(event.get("payload").get("episodeId").asText()).isEqualTo(episodeId);
            if (i > 0) {
                assertThat(event.get("globalIndex").asLong()).isGreaterThan(events.get(i - 1).get("globalIndex").asLong());
            }
        }
        JsonNode booked = events.get(6);
        assertThat(booked.get("correlationId").asText()).isEqualTo("booking-trace-1");
        assertThat(booked.get("commandName").asText()).isEqualTo("BookSession");
        assertThat(booked.get("payload").get("startsAt").asText()).isEqualTo(Clinic.week(1).toString());
    }

    @Test
    void givenACourse_whenTheAuditorAsksForPastInstants_thenEachMatchesWhatTheEpisodeViewShowedThen() throws Exception {
        String therapistId = clinic.registerTherapist(3);
        Map<Instant, JsonNode> seen = new LinkedHashMap<>();
        String episodeId = clinic.referClient();
        seen.put(settled(episodeId, 0), lead.get("/api/episodes/" + episodeId).json());
        lead.post("/api/episodes/" + episodeId + "/assessment", Clinic.suitableAssessment());
        seen.put(settled(episodeId, 4), lead.get("/api/episodes/" + episodeId).json());
        lead.post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString()));
        for (int n = 1; n <= 5; n++) {
            clinic.book(episodeId, Clinic.week(n));
        }
        clinic.attend(episodeId, 1, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        seen.put(settled(episodeId, 13), lead.get("/api/episodes/" + episodeId).json());
        clinic.agreeFocus(episodeId);
        lead.post("/api/episodes/" + episodeId + "/sessions/2/missed", null);
        lead.post("/api/episodes/" + episodeId + "/sessions/5/cancellation", Map.of("cancelledBy", "CLIENT"));
        seen.put(settled(episodeId, 16), lead.get("/api/episodes/" + episodeId).json());
        lead.post("/api/episodes/" + episodeId + "/ending", Map.of("endedOn", "2026-04-10", "reason", "DROPPED_OUT"));
        seen.put(settled(episodeId, 19), lead.get("/api/episodes/" + episodeId).json());

        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<Instant, JsonNode> moment : seen.entrySet()) {
            Api.Response then = auditor.get("/api/audit/episodes/" + episodeId + "/state?asOf=" + moment.getKey());
            assertThat(then.status()).isEqualTo(200);
            // staff see the client named; the auditors' state of the episode never names them
            com.fasterxml.jackson.databind.node.ObjectNode shown = moment.getValue().deepCopy();
            assertThat(shown.remove("clientName").isTextual()).isTrue();
            shown.put("clientName", (String) null);
            shown.put("nhsNumber", (String) null);
            assertThat(json.readTree(then.text())).as("as of " + moment.getKey()).isEqualTo(shown);
        }
        assertThat(seen.values().stream().map(v -> v.get("status").asText()).distinct().toList())
                .containsExactly("REFERRED", "WAITING", "IN_THERAPY", "ENDED");
    }

    @Test
    void givenAnInstantBeforeTheReferral_whenTheStateIsAsked_then404() {
        Instant before = Instant.now();
        String episodeId = clinic.referClient();

        Api.Response response = auditor.get("/api/audit/episodes/" + episodeId + "/state?asOf=" + before.minusSeconds(1));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void givenTheLog_whenExportedInPages_thenThePagesJoinIntoTheWholeLogInOrder() {
        clinic.referClient();
        // each line carries its place in the hash chain: export once the chain has linked every event, so that the
        // whole export and the pages read a moment later show the same lines
        Api.Response[] exported = new Api.Response[1];
        Awaitility.await("the chain has linked every event").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    exported[0] = auditor.get("/api/audit/events?after=0");
                    return lines(exported[0]).stream().noneMatch(line -> line.get("chainPosition").isNull());
                });
        Api.Response all = exported[0];
        List<JsonNode> whole = lines(all);
        long lastIndex = whole.get(whole.size() - 1).get("globalIndex").asLong();

        List<JsonNode> paged = new ArrayList<>();
        long after = 0;
        while (after < lastIndex) {
            List<JsonNode> page = lines(auditor.get("/api/audit/events?after=" + after + "&limit=7"));
            assertThat(page).hasSizeLessThanOrEqualTo(7).isNotEmpty();
            paged.addAll(page);
            after = page.get(page.size() - 1).get("globalIndex").asLong();
        }

        assertThat(all.contentType()).startsWith("application/x-ndjson");
        assertThat(paged.subList(0, whole.size())).isEqualTo(whole);
        for (int i = 1; i < whole.size(); i++) {
            assertThat(whole.get(i).get("globalIndex").asLong()).isGreaterThan(whole.get(i - 1).get("globalIndex").asLong());
        }
        assertThat(whole.get(0).get("payload").isObject()).isTrue();
        assertThat(whole.get(0).get("metaData").isObject()).isTrue();
    }

    @Test
    void givenSomeoneReadsAnEpisode_whenTheAuditorAsksWhoReadIt_thenEachReadIsListed() {
        String therapistId = clinic.registerTherapist(3);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        clinic.episodeWhen(episodeId, e -> "IN_THERAPY".equals(e.get("status").asText()));
        lead.as("supervisor").get("/api/episodes/" + episodeId);
        // the outcomes projection follows on its own: read once it has the episode (only answered reads are logged)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> lead.as("supervisor").get("/api/outcomes/episodes/" + episodeId).status() == 200);
        auditor.get("/api/audit/episodes/" + episodeId + "/events");

        JsonNode access = auditor.get("/api/audit/access?episodeId=" + episodeId).json();

        List<String> who = new ArrayList<>();
        access.forEach(a -> who.add(a.get("actor").asText() + " " + a.get("endpoint").asText()));
        assertThat(who).contains("supervisor GET /api/episodes/{episodeId}",
                "supervisor GET /api/outcomes/episodes/{episodeId}", "auditor GET /api/audit/episodes/{episodeId}/events");
        assertThat(who.get(0)).startsWith("clinic-lead GET /api/episodes/{episodeId}");
    }

    /**
     * Waits until the episode view has applied the event with this sequence number, and answers that event's own
     * timestamp: the moment the view's answer describes (as-of includes events at the instant itself).
     */
    private Instant settled(String episodeId, int sequence) {
        JsonNode events = auditor.get("/api/audit/episodes/" + episodeId + "/events").json();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("sequenceNumber").asInt()).isEqualTo(sequence);
        long position = last.get("globalIndex").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            for (JsonNode p : lead.get("/api/admin/projections").json()) {
                if ("episode-view".equals(p.get("name").asText())) {
                    return p.get("position").asLong() >= position;
                }
            }
            return false;
        });
        return Instant.parse(last.get("timestamp").asText());
    }

    private static List<JsonNode> lines(Api.Response response) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.text().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(json.readTree(line));
                } catch (Exception e) {
                    throw new IllegalStateException(line, e);
                }
            }
        }
        return lines;
    }
}
