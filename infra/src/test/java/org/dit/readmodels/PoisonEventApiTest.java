package org.dit.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection that cannot apply one event parks it and goes on: the fault is real (a trigger on the caseload table
 * that refuses one episode's rows once it has a therapist), the first failure happens where batched writes meet the
 * database, at commit.
 */
@ApiTest
class PoisonEventApiTest {

    private static final String FAULT = "caseload fault injected by PoisonEventApiTest";
    /** The other client's first session, with the same therapist on the same day. */
    private static final java.time.Instant AFTERNOON = Clinic.week(1).plus(Duration.ofHours(5));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    /** The fault is a trigger: only the owner of the tables may add one, never the service's role. */
    final JdbcTemplate owner = TestDatabase.owner();

    Api api;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    private void allocate(String episodeId, String therapistId) {
        Clinic.accepted(api.post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));
    }

    private Optional<JsonNode> parked(String processingGroup, String episodeId) {
        Api.Response response = api.get("/api/admin/dead-letters");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false)
                .filter(letter -> letter.get("processingGroup").asText().equals(processingGroup)
                        && letter.get("sequence").asText().equals(episodeId))
                .findFirst();
    }

    private boolean parkedAnywhere(String episodeId) {
        return StreamSupport.stream(api.get("/api/admin/dead-letters").json().spliterator(), false)
                .anyMatch(letter -> letter.get("sequence").asText().equals(episodeId));
    }

    private Optional<JsonNode> caseloadEntry(String therapistId, String episodeId) {
        return StreamSupport.stream(api.get("/api/caseloads/" + therapistId).json().path("entries").spliterator(), false)
                .filter(entry -> entry.get("episodeId").asText().equals(episodeId))
                .findFirst();
    }

    private boolean onWaitingList(String episodeId) {
        return StreamSupport.stream(api.get("/api/waiting-list").json().path("entries").spliterator(), false)
                .anyMatch(entry -> entry.get("episodeId").asText().equals(episodeId));
    }

    private JsonNode auditedEvent(String episodeId, String type) {
        return StreamSupport.stream(api.as("auditor").get("/api/audit/episodes/" + episodeId + "/events").json().spliterator(), false)
                .filter(event -> event.get("type").asText().equals(type))
                .findFirst().orElseThrow();
    }

    private double deadLetterGauge(String processor) {
        String metrics = api.get("/actuator/prometheus").text();
        return metrics.lines()
                .filter(line -> line.startsWith("dit_dead_letters{") && line.contains("processor=\"" + processor + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    private void installFault(String episodeId) {
        UUID.fromString(episodeId);
        owner.execute("""
                CREATE FUNCTION poison_event_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.episode_id = '%s'::uuid AND NEW.therapist_id IS NOT NULL THEN
                        RAISE EXCEPTION '%s for episode %%', NEW.episode_id;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(episodeId, FAULT));
        owner.execute("""
                CREATE TRIGGER poison_event_test_fault BEFORE INSERT OR UPDATE ON caseload_episode
                FOR EACH ROW EXECUTE FUNCTION poison_event_test_fault()""");
    }

    private void removeFault() {
        owner.execute("DROP TRIGGER IF EXISTS poison_event_test_fault ON caseload_episode");
        owner.execute("DROP FUNCTION IF EXISTS poison_event_test_fault()");
    }

    @Test
    void givenACaseloadRowThatRefusesOneEpisode_whenItsEventsArrive_thenTheyAreParkedTheRestGoesOnAndARetryCatchesUpInOrder() {
        String therapist = clinic.registerTherapist(10);
        String poisoned = clinic.waitingClient();
        String healthy = clinic.waitingClient();
        eventually().until(() -> onWaitingList(poisoned));

        installFault(poisoned);
        try {
            allocate(poisoned, therapist);
            clinic.book(poisoned, Clinic.week(1));
            allocate(healthy, therapist);
            clinic.book(healthy, AFTERNOON);

            JsonNode letter = eventually().until(() -> parked("caseload", poisoned),
                    p -> p.isPresent() && p.get().get("waitingBehind").asLong() == 1).orElseThrow();
            JsonNode allocation = auditedEvent(poisoned, "TherapistAllocated");
            assertThat(letter.get("eventType").asText()).isEqualTo("TherapistAllocated");
            assertThat(letter.get("aggregateId").asText()).isEqualTo(poisoned);
            assertThat(letter.get("aggregateSequenceNumber").asLong()).isEqualTo(allocation.get("sequenceNumber").asLong());
            assertThat(letter.get("globalIndex").asLong()).isEqualTo(allocation.get("globalIndex").asLong());
            assertThat(letter.get("causeMessage").asText()).contains(FAULT + " for episode " + poisoned);
            assertThat(letter.get("causeType").asText()).isNotBlank();
            assertThat(letter.get("enqueuedAt").asText()).isNotBlank();
            assertThat(letter.get("lastTouched").asText()).isNotBlank();
            assertThat(letter.get("retries").asInt()).isZero();
            // stored by the service's Jackson serialisers, as the event store stores events (XStream would write XML)
            Map<String, Object> stored = jdbc.queryForMap("""
                    SELECT convert_from(payload, 'UTF8') AS payload, convert_from(token, 'UTF8') AS token,
                           convert_from(diagnostics, 'UTF8') AS diagnostics
                      FROM dead_letter_entry WHERE processing_group = 'caseload' AND dead_letter_id = ?""",
                    letter.get("id").asText());
            assertThat(stored.values()).allSatisfy(json -> assertThat((String) json).startsWith("{"));
            assertThat((String) stored.get("payload")).contains(poisoned, therapist);

            // the same projection applied the other episode's later events; the parked episode's stay out of it
            JsonNode other = eventually().until(() -> caseloadEntry(therapist, healthy), Optional::isPresent).orElseThrow();
            assertThat(other.get("nextSessionAt").asText()).isEqualTo(AFTERNOON.toString());
            assertThat(caseloadEntry(therapist, poisoned)).isEmpty();
            // the therapist's caseload says it may be missing something; the read models that applied everything do not
            assertThat(api.get("/api/caseloads/" + therapist).header("Read-Model-Status")).isEqualTo("INCOMPLETE");

            // the other projections applied every event of the parked episode
            clinic.episodeWhen(poisoned, episode -> episode.path("sessions").size() == 1);
            eventually().until(() -> !onWaitingList(poisoned));
            assertThat(api.get("/api/outcomes/episodes/" + poisoned).status()).isEqualTo(200);
            assertThat(parked("episode-view", poisoned)).isEmpty();
            assertThat(parked("waiting-list", poisoned)).isEmpty();
            assertThat(parked("outcomes", poisoned)).isEmpty();
            assertThat(api.get("/api/episodes/" + poisoned).header("Read-Model-Status")).isEqualTo("CURRENT");

            // an operator sees it without asking; every projection has a queue (NaN would mean none)
            assertThat(deadLetterGauge("caseload")).isGreaterThanOrEqualTo(2);
            for (String projection : ReplayApiTest.PROJECTIONS) {
                assertThat(deadLetterGauge(projection)).as(projection).isNotNaN();
            }
            JsonNode caseloadStatus = StreamSupport.stream(api.get("/api/admin/projections").json().spliterator(), false)
                    .filter(status -> status.get("name").asText().equals("caseload")).findFirst().orElseThrow();
            assertThat(caseloadStatus.get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);

            // a retry before the fix fails again: the letter stays parked, counted, with the new failure's cause
            Api.Response tooEarly = api.post("/api/admin/dead-letters/" + letter.get("id").asText() + "/retry", null);
            assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(200);
            assertThat(tooEarly.json().get("processed").asBoolean()).isFalse();
            assertThat(tooEarly.json().get("stillParked").asLong()).isEqualTo(2);
            JsonNode retried = parked("caseload", poisoned).orElseThrow();
            assertThat(retried.get("id").asText()).isEqualTo(letter.get("id").asText());
            assertThat(retried.get("retries").asInt()).isEqualTo(1);
            assertThat(retried.get("causeMessage").asText()).contains(FAULT);
            assertThat(retried.get("waitingBehind").asLong()).isEqualTo(1);
            assertThat(caseloadEntry(therapist, poisoned)).isEmpty();

            // with the fault gone the episode's next event still waits behind the parked ones: order is kept
            removeFault();
            clinic.book(poisoned, Clinic.week(2));
            eventually().until(() -> parked("caseload", poisoned), p -> p.isPresent() && p.get().get("waitingBehind").asLong() == 2);
            assertThat(caseloadEntry(therapist, poisoned)).isEmpty();

            Api.Response retry = api.post("/api/admin/dead-letters/" + letter.get("id").asText() + "/retry", null);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
            assertThat(retry.json().get("processed").asBoolean()).isTrue();
            assertThat(retry.json().get("stillParked").asLong()).isZero();

            JsonNode caughtUp = caseloadEntry(therapist, poisoned).orElseThrow();
            JsonNode asRecorded = api.as("auditor").get("/api/audit/episodes/" + poisoned + "/state?asOf=" + java.time.Instant.now()).json();
            String firstBooked = StreamSupport.stream(asRecorded.get("sessions").spliterator(), false)
                    .filter(s -> s.get("state").asText().equals("BOOKED")).map(s -> s.get("startsAt").asText())
                    .sorted().findFirst().orElseThrow();
            assertThat(asRecorded.get("therapistId").asText()).isEqualTo(therapist);
            assertThat(asRecorded.get("sessions")).hasSize(2);
            assertThat(caughtUp.get("nextSessionAt").asText()).isEqualTo(firstBooked).isEqualTo(Clinic.week(1).toString());
            assertThat(caughtUp.get("phase").asText()).isEqualTo(asRecorded.get("phase").asText());
            assertThat(caughtUp.get("sessionsAttended").asInt()).isZero();
            assertThat(parkedAnywhere(poisoned)).isFalse();

            Api.Response again = api.post("/api/admin/dead-letters/" + letter.get("id").asText() + "/retry", null);
            assertThat(again.status()).isEqualTo(404);
        } finally {
            removeFault();
        }
    }

    @Test
    void givenADamagedReadModelRow_whenTheEpisodesNextEventArrives_thenItIsParkedAndAReplayRebuildsTheRowAndEmptiesTheQueue() {
        String therapist = clinic.registerTherapist(10);
        String damaged = clinic.waitingClient();
        eventually().until(() -> api.get("/api/outcomes/episodes/" + damaged).json().path("firstPhq9").asInt() == 15);
        // not JSON facts of an episode any more: the projection cannot read the row it must fold the next event into
        assertThat(jdbc.update("UPDATE outcome_episode SET facts = '[]' WHERE episode_id = ?::uuid", damaged)).isOne();

        allocate(damaged, therapist);
        JsonNode letter = eventually().until(() -> parked("outcomes", damaged), Optional::isPresent).orElseThrow();
        assertThat(letter.get("eventType").asText()).isEqualTo("TherapistAllocated");
        assertThat(letter.get("causeMessage").asText()).isNotBlank();
        clinic.episodeWhen(damaged, episode -> therapist.equals(episode.path("therapistId").asText()));

        Clinic.accepted(api.post("/api/admin/projections/outcomes/replay", null));
        eventually().until(() -> StreamSupport.stream(api.get("/api/admin/projections").json().spliterator(), false)
                .anyMatch(s -> s.get("name").asText().equals("outcomes") && s.get("caughtUp").asBoolean()
                        && !s.get("replaying").asBoolean()));
        assertThat(parked("outcomes", damaged)).isEmpty();
        Api.Response rebuilt = api.get("/api/outcomes/episodes/" + damaged);
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("firstPhq9").asInt()).isEqualTo(15);
        assertThat(jdbc.queryForObject("SELECT therapist_id::text FROM outcome_episode WHERE episode_id = ?::uuid", String.class,
                damaged)).isEqualTo(therapist);
    }

    @Test
    void givenAnUnknownDeadLetter_whenRetried_thenNotFoundAsAProblem_andOnlyAdminsMayLookAtThem() {
        Api.Response unknown = api.post("/api/admin/dead-letters/" + UUID.randomUUID() + "/retry", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asText()).isEqualTo("/problems/not-found");

        assertThat(api.as("admin").get("/api/admin/dead-letters").status()).isEqualTo(200);
        assertThat(api.as("supervisor").get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(api.as("auditor").post("/api/admin/dead-letters/" + UUID.randomUUID() + "/retry", null).status())
                .isEqualTo(403);
    }
}
