package org.dit.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;

/**
 * Checks a node's read models against the log it shares with the other nodes: every answer must be what the events
 * imply, taken from the audit side (which folds the episode's events straight from the event store).
 */
public final class LogAgreement {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");

    private final Api api;
    private final Api auditor;

    public LogAgreement(Api api) {
        this.api = api;
        this.auditor = api.as("auditor");
    }

    /** Waits until every projection on this node has reached the head of the log and no replay is running. */
    public void awaitCaughtUp(Duration atMost) {
        Awaitility.await("projections caught up on port " + api.port()).atMost(atMost)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    for (JsonNode status : api.get("/api/admin/projections").json()) {
                        if (!status.get("caughtUp").asBoolean() || status.get("replaying").asBoolean()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    public List<JsonNode> events(String episodeId) {
        Api.Response response = auditor.get("/api/audit/episodes/" + episodeId + "/events");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().forEach(events::add);
        return events;
    }

    /** The episode as its events make it now. */
    public JsonNode stateFromLog(String episodeId) {
        Api.Response response = auditor.get("/api/audit/episodes/" + episodeId + "/state?asOf=" + Instant.now());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /**
     * Every read model answer agrees with the log: the episode view with the episode's events, the waiting list, the
     * caseloads and the outcomes with what the episodes' events imply; and the hash chain over the log is intact.
     */
    public void assertReadModelsAgree(Collection<String> episodeIds, Collection<String> therapistIds, long eventsInLog) {
        Map<String, JsonNode> states = new HashMap<>();
        for (String episodeId : episodeIds) {
            JsonNode fromLog = stateFromLog(episodeId);
            states.put(episodeId, fromLog);
            Api.Response view = api.get("/api/episodes/" + episodeId);
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            // staff see the client named (from the client read model); the auditors' state never names them
            com.fasterxml.jackson.databind.node.ObjectNode shown = (com.fasterxml.jackson.databind.node.ObjectNode) view.json();
            shown.putNull("clientName");
            shown.putNull("nhsNumber");
            assertThat(shown).as("episode view of " + episodeId + " against its events").isEqualTo(fromLog);
        }

        Set<String> waiting = new HashSet<>();
        states.forEach((id, state) -> {
            if ("WAITING".equals(state.get("status").asText())) {
                waiting.add(id);
            }
        });
        Set<String> listed = new HashSet<>();
        api.get("/api/waiting-list").json().get("entries").forEach(entry -> listed.add(entry.get("episodeId").asText()));
        assertThat(listed).as("waiting list").containsAll(waiting);
        assertThat(listed).filteredOn(episodeIds::contains).containsExactlyInAnyOrderElementsOf(waiting);

        for (String therapistId : therapistIds) {
            Map<String, JsonNode> active = new HashMap<>();
            states.forEach((id, state) -> {
                if (therapistId.equals(state.path("therapistId").asText()) && !"ENDED".equals(state.get("status").asText())) {
                    active.put(id, state);
                }
            });
            JsonNode caseload = api.get("/api/caseloads/" + therapistId).json();
            assertThat(caseload.get("activeEpisodes").asInt()).as("active episodes of " + therapistId).isEqualTo(active.size());
            Set<String> entries = new HashSet<>();
            for (JsonNode entry : caseload.get("entries")) {
                String id = entry.get("episodeId").asText();
                entries.add(id);
                JsonNode state = active.get(id);
                assertThat(state).as("caseload entry " + id + " of an active episode").isNotNull();
                assertThat(entry.get("phase").asText()).isEqualTo(state.get("phase").asText());
                assertThat(entry.get("sessionsAttended").asInt()).isEqualTo(count(state.get("sessions"), "ATTENDED"));
                assertThat(entry.get("sessionsMissed").asInt()).isEqualTo(count(state.get("sessions"), "MISSED"));
                assertThat(instant(entry.get("nextSessionAt"))).as("next session of " + id).isEqualTo(firstBooked(state));
                assertThat(entry.get("focusAgreed").asBoolean()).as("focus of " + id).isEqualTo(!state.path("focus").isNull());
                assertThat(entry.get("latestPhq9").asInt(-1)).as("latest PHQ-9 of " + id).isEqualTo(last(validScores(state, "PHQ9")));
                assertThat(entry.get("latestGad7").asInt(-1)).as("latest GAD-7 of " + id).isEqualTo(last(validScores(state, "GAD7")));
            }
            assertThat(entries).isEqualTo(active.keySet());
        }

        LocalDate today = LocalDate.now(CLINIC_ZONE);
        long ended = states.values().stream().filter(s -> "ENDED".equals(s.get("status").asText())).count();
        JsonNode outcomes = api.get("/api/outcomes?from=2000-01-01&to=" + today).json();
        assertThat(outcomes.get("ended").asLong()).as("episodes ended, per the outcomes").isEqualTo(ended);
        for (String episodeId : episodeIds) {
            JsonNode outcome = api.get("/api/outcomes/episodes/" + episodeId).json();
            JsonNode phq9 = validScores(states.get(episodeId), "PHQ9");
            assertThat(outcome.get("firstPhq9").asInt(-1)).as("first PHQ-9 of " + episodeId)
                    .isEqualTo(phq9.isEmpty() ? -1 : phq9.get(0).asInt());
            assertThat(outcome.get("lastPhq9").asInt(-1)).as("last PHQ-9 of " + episodeId)
                    .isEqualTo(phq9.isEmpty() ? -1 : phq9.get(phq9.size() - 1).asInt());
        }

        JsonNode[] verify = new JsonNode[1];
        Awaitility.await("hash chain over every event").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    verify[0] = auditor.get("/api/audit/verify").json();
                    assertThat(verify[0].get("verifiedEvents").asLong()).as(() -> verify[0] + "; first event not chained: "
                            + firstUnchained(verify[0])).isEqualTo(eventsInLog);
                });
        assertThat(verify[0].get("firstBrokenGlobalIndex").isNull()).as(verify[0].toString()).isTrue();
    }

    private static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }

    private static Instant firstBooked(JsonNode state) {
        for (JsonNode session : state.get("sessions")) {
            if ("BOOKED".equals(session.get("state").asText())) {
                return Instant.parse(session.get("startsAt").asText());
            }
        }
        return null;
    }

    private static int last(JsonNode totals) {
        return totals.isEmpty() ? -1 : totals.get(totals.size() - 1).asInt();
    }

    private String firstUnchained(JsonNode verify) {
        JsonNode broken = verify.get("firstBrokenGlobalIndex");
        return broken == null || broken.isNull() ? "none"
                : auditor.get("/api/audit/events?after=" + (broken.asLong() - 1) + "&limit=1").text();
    }

    private static int count(JsonNode sessions, String state) {
        int n = 0;
        for (JsonNode session : sessions) {
            if (state.equals(session.get("state").asText())) {
                n++;
            }
        }
        return n;
    }

    /** Totals of the valid measures of an instrument, by date and, within a day, in recording order. */
    private static JsonNode validScores(JsonNode state, String instrument) {
        List<JsonNode> measures = new ArrayList<>();
        state.get("measures").forEach(m -> {
            if (instrument.equals(m.get("instrument").asText()) && !m.get("enteredInError").asBoolean()) {
                measures.add(m);
            }
        });
        // a stable sort keeps same-day measures in the order the log recorded them
        measures.sort(java.util.Comparator.comparing(m -> LocalDate.parse(m.get("recordedOn").asText())));
        com.fasterxml.jackson.databind.node.ArrayNode totals = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        measures.forEach(m -> totals.add(m.get("total").asInt()));
        return totals;
    }
}
