package org.dit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Only text the record can keep is accepted: one JSON document per request, no duplicate keys, no C0 control
 * character but tab, newline and carriage return, no half surrogate pair. Everything else the API accepts flows
 * through every projection.
 */
@ApiTest
class StorableTextApiTest {

    /** Every class of text the API accepts: accents, combining marks, emoji (surrogate pairs), CJK, right-to-left,
     * joiners, line and paragraph separators, a byte-order mark, private use, the replacement character, tab, newline. */
    static final String EVERY_ACCEPTED_CLASS = "Zoë Ó Briain — café ☕ e\u0301 😀👩\u200d👧 漢字 한국어 עברית العربية "
            + "\u2028\u2029 \uFEFF \uE000 \uFFFD \u00A0 tab\there\r\nnext line \\ \" ' <b> %s ${x} ' OR 1=1 --";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Clinic clinic;
    EventLog log;
    String episodeId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
        log = new EventLog(jdbc);
        episodeId = clinic.clientInTherapyWith(clinic.registerTherapist(5));
        clinic.book(episodeId, Clinic.week(1));
        clinic.attend(episodeId, 1, Clinic.PHQ9_MILD, Clinic.GAD7_MILD);
    }

    private static String focusJson(String affectJsonLiteral) {
        return "{\"selfRepresentation\":\"Overlooked\",\"otherRepresentation\":\"Busy\",\"affect\":" + affectJsonLiteral
                + ",\"defensiveFunction\":\"Withdraws first\"}";
    }

    @ParameterizedTest(name = "affect {0}")
    @ValueSource(strings = {"\"a\\u0000b\"", "\"bell\\u0007\"", "\"escape\\u001b[31m\"", "\"\\ud800 alone\"",
            "\"low \\udc00 first\"", "\"pair reversed \\ude00\\ud83d\""})
    void givenTextTheRecordCannotKeep_whenSent_thenA400NamesTheFieldAndNothingIsAppended(String affect) {
        long before = log.size();

        Api.Response response = api.post("/api/episodes/" + episodeId + "/focus", focusJson(affect));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode param = response.json().get("invalidParams").get(0);
        assertThat(param.get("name").asText()).isEqualTo("affect");
        assertThat(param.get("reason").asText()).containsAnyOf("control character", "surrogate");
        assertThat(log.size()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"selfRepresentation\":\"a\",\"selfRepresentation\":\"b\",\"otherRepresentation\":\"c\",\"affect\":\"d\",\"defensiveFunction\":\"e\"}",
            "{\"selfRepresentation\":\"a\",\"otherRepresentation\":\"c\",\"affect\":\"d\",\"defensiveFunction\":\"e\"} trailing",
            "{\"selfRepresentation\":\"a\",\"otherRepresentation\":\"c\",\"affect\":\"d\",\"defensiveFunction\":\"e\"}{\"reason\":\"x\"}",
            "{\"selfRepresentation\":\"a\",\"otherRepresentation\":\"c\",\"affect\":\"d\",\"defensiveFunction\":\"e\"} []"})
    void givenAnAmbiguousDocument_whenSent_thenItIsA400AndNothingIsAppended(String body) {
        long before = log.size();

        Api.Response response = api.post("/api/episodes/" + episodeId + "/focus", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenEveryClassOfTextTheApiAccepts_whenItIsRecorded_thenEveryProjectionAppliesItAndTheEpisodeShowsItUnchanged() {
        Map<String, Object> focus = new HashMap<>(Clinic.FOCUS);
        focus.put("affect", EVERY_ACCEPTED_CLASS);
        focus.put("selfRepresentation", "\t" + EVERY_ACCEPTED_CLASS + "\n");
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/focus", focus));
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/sessions/1/correction",
                Map.of("outcome", "MISSED", "reason", EVERY_ACCEPTED_CLASS)));
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/ending",
                Map.of("endedOn", "2026-04-01", "reason", "DROPPED_OUT")));

        JsonNode episode = clinic.episodeWhen(episodeId, e -> "ENDED".equals(e.path("status").asText()));
        assertThat(episode.get("focus").get("affect").asText()).isEqualTo(EVERY_ACCEPTED_CLASS);
        Awaitility.await("every projection past the ending, none parking an event").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    JsonNode statuses = api.as("admin").get("/api/admin/projections").json();
                    for (JsonNode status : statuses) {
                        assertThat(status.get("caughtUp").asBoolean()).as(status.toString()).isTrue();
                    }
                    JsonNode parked = api.as("admin").get("/api/admin/dead-letters").json();
                    for (JsonNode letter : parked) {
                        assertThat(letter.get("aggregateId").asText()).isNotEqualTo(episodeId);
                    }
                });
        JsonNode outcome = api.as("supervisor").get("/api/outcomes/episodes/" + episodeId).json();
        assertThat(outcome.get("finishedCourse").asBoolean()).isFalse();
    }
}
