package org.dit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dit.events.EpisodeId;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Phase;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.EventLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A smaller demo clinic loaded through the command side of the running service, then read back through the HTTP
 * read models. The suite's database holds other tests' events too, so every check looks at the demo's own
 * episodes and therapists only.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoClinicTest {

    /** Small enough to load in seconds, large enough for every status and ending. */
    static final int EPISODES = 48;
    static final long SEED = 4242L;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    DemoSummary demo;

    @BeforeAll
    void loadTheDemoClinic() {
        api = new Api(port);
        demo = new DemoClinic(commands, clock, new Random(SEED), EPISODES).populate();
        System.out.println("Demo clinic of " + EPISODES + " episodes: " + demo.describe());
        awaitCaughtUp();
    }

    /** Waits until every demo episode's read model shows the state its commands left it in. */
    private void awaitCaughtUp() {
        Awaitility.await("the read models to show every demo episode").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> demo.episodes().stream()
                        .allMatch(episode -> shows(api.get("/api/episodes/" + episode.id()).json(), episode)));
    }

    private static boolean shows(JsonNode view, DemoEpisode episode) {
        return view.path("status").asText().equals(episode.status().name())
                && view.path("phase").asText().equals(episode.phase().name())
                && view.path("endReason").asText("null").equals(String.valueOf(episode.endReason()))
                && view.path("courseLength").asInt() == episode.courseLength()
                && view.path("therapistId").asText("null").equals(String.valueOf(episode.therapistId()));
    }

    @Test
    void givenTheDemo_whenLoaded_thenItHasEightTherapistsAndEpisodesInEveryStatus() {
        assertThat(demo.therapists()).hasSize(8);
        assertThat(demo.episodes()).hasSize(EPISODES);
        assertThat(demo.episodeIdsByStatus()).containsOnlyKeys(EpisodeStatus.values());
        assertThat(demo.episodeIdsByStatus().values()).allSatisfy(ids -> assertThat(ids).isNotEmpty());
    }

    @Test
    void givenTheDemo_whenEachEpisodeIsRead_thenItShowsTheStatusPhaseAndEndingItWasLeftIn() {
        for (DemoEpisode episode : demo.episodes()) {
            JsonNode view = api.get("/api/episodes/" + episode.id()).json();
            assertThat(shows(view, episode)).as("%s shown as %s", episode, view).isTrue();
            assertThat(view.path("clientId").asText()).isEqualTo(episode.clientId().toString());
            long attended = 0;
            for (JsonNode session : view.path("sessions")) {
                attended += session.path("state").asText().equals("ATTENDED") ? 1 : 0;
            }
            assertThat(attended).as("sessions attended in %s", episode).isEqualTo(episode.sessionsAttended());
        }
    }

    @Test
    void givenTheDemo_whenTheWaitingListIsAsked_thenEveryWaitingDemoClientIsOnIt() {
        JsonNode list = api.get("/api/waiting-list").json();

        Set<String> listed = new HashSet<>(list.path("entries").findValuesAsText("episodeId"));
        List<EpisodeId> waiting = demo.episodeIdsByStatus().get(EpisodeStatus.WAITING);
        assertThat(waiting).allSatisfy(id -> assertThat(listed).contains(id.toString()));
        assertThat(list.path("count").asInt()).isGreaterThanOrEqualTo(waiting.size());
        for (JsonNode entry : list.path("entries")) {
            assertThat(entry.path("daysSinceReferral").asLong()).isGreaterThanOrEqualTo(entry.path("daysOnList").asLong())
                    .isNotNegative();
        }
    }

    @Test
    void givenTheDemo_whenCaseloadsAreAsked_thenEachDemoTherapistHoldsItsActiveEpisodesWithinCapacity() {
        Map<String, JsonNode> caseloads = new HashMap<>();
        for (JsonNode summary : api.get("/api/caseloads").json()) {
            caseloads.put(summary.path("therapistId").asText(), summary);
        }
        for (DemoTherapist therapist : demo.therapists()) {
            JsonNode summary = caseloads.get(therapist.id().toString());
            assertThat(summary).as(therapist.name()).isNotNull();
            assertThat(summary.path("name").asText()).isEqualTo(therapist.name());
            assertThat(summary.path("maxCaseload").asInt()).isEqualTo(therapist.maxCaseload());
            long active = demo.episodes().stream()
                    .filter(e -> e.status() == EpisodeStatus.IN_THERAPY && therapist.id().equals(e.therapistId())).count();
            assertThat(summary.path("activeEpisodes").asLong()).as(therapist.name()).isEqualTo(active)
                    .isLessThanOrEqualTo(therapist.maxCaseload());
        }
    }

    @Test
    void givenTheDemo_whenCaseloadsAreRead_thenRunningCoursesCarryTheFlagsTheirStoriesCallFor() {
        Map<String, Set<String>> flags = new HashMap<>();
        for (DemoTherapist therapist : demo.therapists()) {
            for (JsonNode entry : api.get("/api/caseloads/" + therapist.id()).json().path("entries")) {
                Set<String> set = new HashSet<>();
                entry.path("flags").forEach(f -> set.add(f.asText()));
                flags.put(entry.path("episodeId").asText(), set);
            }
        }
        for (DemoEpisode episode : demo.episodes()) {
            if (episode.status() != EpisodeStatus.IN_THERAPY) {
                assertThat(flags).doesNotContainKey(episode.id().toString());
                continue;
            }
            Set<String> shown = flags.get(episode.id().toString());
            assertThat(shown).as("caseload entry of %s", episode).isNotNull();
            if (episode.fate() == Fate.FOCUS_OVERDUE && episode.sessionsAttended() == Phase.LAST_INITIAL_SESSION) {
                assertThat(shown).as("%s", episode).contains("FOCUS_OVERDUE");
            }
            if (episode.fate() == Fate.LETTER_DUE && episode.phase() == Phase.ENDING) {
                assertThat(shown).as("%s", episode).contains("GOODBYE_LETTER_DUE");
            }
        }
    }

    @Test
    void givenTheDemo_whenOutcomesOfItsTherapistsAreAsked_thenTheyCountItsEndingsWithSensibleRates() {
        LocalDate to = demo.today();
        LocalDate from = to.minusMonths(ClinicPlanner.MONTHS_OF_HISTORY);
        long ended = 0;
        long finished = 0;
        long paired = 0;
        long notAtCaseness = 0;
        long recovered = 0;
        for (DemoTherapist therapist : demo.therapists()) {
            JsonNode report = api.get("/api/outcomes?from=" + from + "&to=" + to + "&therapistId=" + therapist.id()).json();
            ended += report.path("ended").asLong();
            finished += report.path("finishedCourse").asLong();
            paired += report.path("pairedFinished").asLong();
            notAtCaseness += report.path("notAtCaseness").asLong();
            recovered += report.path("recovered").asLong();
            if (!report.path("recoveryRate").isNull()) {
                assertThat(report.path("recoveryRate").asDouble()).isBetween(0.0, 1.0);
            }
        }
        long treatedEndings = demo.episodes().stream()
                .filter(e -> e.status() == EpisodeStatus.ENDED && e.therapistId() != null).count();
        assertThat(ended).isEqualTo(treatedEndings);
        assertThat(finished).isPositive().isLessThanOrEqualTo(ended);
        assertThat(paired).isPositive().isLessThanOrEqualTo(finished);
        // design §3: over finished courses (paired or not) less those not at caseness
        double recoveryRate = (double) recovered / (finished - notAtCaseness);
        System.out.printf("Demo outcomes: ended %d, finished %d, paired %d, recovered %d, recovery rate %.2f%n", ended,
                finished, paired, recovered, recoveryRate);
        assertThat(recoveryRate).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void givenTheDemo_whenMonthlyOutcomesAreAsked_thenEveryMonthWithDemoEndingsIsThere() {
        LocalDate to = demo.today();
        JsonNode months = api.get("/api/outcomes/monthly?from=" + to.minusMonths(ClinicPlanner.MONTHS_OF_HISTORY)
                + "&to=" + to).json();

        Map<String, Long> shown = new HashMap<>();
        months.forEach(m -> shown.put(m.path("month").asText(), m.path("ended").asLong()));
        demo.count(e -> e.endedOn() == null ? null : e.endedOn().toString().substring(0, 7))
                .forEach((month, count) -> assertThat(shown.getOrDefault(month, 0L)).as(month).isGreaterThanOrEqualTo(count));
    }

    @Test
    void givenTheDemo_whenItsEventsAreRead_thenTheyCarryTheDemoActorAndACorrelationId() {
        String episode = demo.episodes().get(0).id().toString();
        List<String> metadata = jdbc.queryForList(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                episode);
        assertThat(metadata).isNotEmpty().allSatisfy(m -> assertThat(m)
                .contains("\"actor\":\"" + DemoClinic.ACTOR + "\"").contains("\"correlationId\":\"demo-"));
    }

    @Test
    void givenTheDemo_whenItsEventsAreRead_thenEveryStepOfRiskTherapistsShorterCoursesFollowUpsAndNotesIsThere() {
        String[] episodes = demo.episodes().stream().map(e -> e.id().toString()).toArray(String[]::new);
        List<String> episodeEvents = jdbc.queryForList("""
                SELECT DISTINCT substring(payload_type FROM '[^.]+$') FROM domain_event_entry
                 WHERE aggregate_identifier = ANY (?)""", String.class, (Object) episodes);
        List<String> demoEvents = jdbc.queryForList("""
                SELECT DISTINCT substring(payload_type FROM '[^.]+$') FROM domain_event_entry
                 WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' = ?""", String.class, DemoClinic.ACTOR);

        assertThat(episodeEvents).contains("RiskAssessed", "RiskIndicated", "TherapistReassigned", "CourseShortened",
                "FollowUpBooked", "FollowUpAttended", "FollowUpMeasureRecorded", "SessionNoteWritten");
        assertThat(demoEvents).contains("TherapistMaxCaseloadChanged", "TherapistDeactivated");
    }

    @Test
    void givenTheDemo_whenTheRiskWorklistIsRead_thenItsDemoEntriesCarryReasons() {
        Set<String> ids = new HashSet<>();
        demo.episodes().forEach(e -> ids.add(e.id().toString()));

        List<JsonNode> ours = Awaitility.await("demo episodes on the risk worklist").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    List<JsonNode> entries = new java.util.ArrayList<>();
                    api.get("/api/risk").json().path("entries").forEach(entry -> {
                        if (ids.contains(entry.path("episodeId").asText())) {
                            entries.add(entry);
                        }
                    });
                    return entries;
                }, entries -> !entries.isEmpty());

        System.out.println("Demo episodes on the risk worklist: " + ours.size());
        assertThat(ours).isNotEmpty().allSatisfy(entry -> assertThat(entry.path("reasons")).isNotEmpty());
    }

    @Test
    void givenAStoreWithEvents_whenTheLoaderRuns_thenItLoadsNothing() {
        EventLog log = new EventLog(jdbc);
        long before = log.size();
        assertThat(before).isPositive();

        assertThat(new DemoDataLoader(jdbc, commands, clock).loadIfEmpty()).isEmpty();

        assertThat(log.size()).isEqualTo(before);
    }
}
