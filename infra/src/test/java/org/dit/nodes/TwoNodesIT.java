package org.dit.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two service processes on one PostgreSQL, both taking commands and running projections; one of them is killed with
 * SIGKILL in the middle of a command load. The tests run in order: the races need both nodes, the later ones check
 * what the crash left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final Duration CLAIM_TIMEOUT = ClaimTimeout.configured();
    /** The survivor looks for free segments every second; the rest is room for a busy 2-core machine. */
    private static final Duration HAND_OVER_MARGIN = Duration.ofSeconds(10);
    private static final int THERAPISTS = 4;
    private static final int EPISODES = 12;
    private static final int ROUNDS = 8;
    private static final String PROCESSORS = "('read-models', 'audit-chain')";

    ExternalPostgres database;
    JdbcTemplate jdbc;
    ServiceProcess first;
    ServiceProcess second;

    final Set<String> episodes = ConcurrentHashMap.newKeySet();
    final List<String> therapists = new ArrayList<>();
    final Map<String, Op> load = new ConcurrentHashMap<>();
    final AtomicInteger retriedOnSurvivor = new AtomicInteger();
    Duration handOver;

    @BeforeAll
    void startTwoNodes() {
        database = ExternalPostgres.start(Path.of("target", "nodes", "two-nodes-pg"));
        jdbc = database.jdbc();
        // the first node up claims every segment, so killing it must hand all of them over
        first = ServiceProcess.start("node-a", database);
        second = ServiceProcess.start("node-b", database);
    }

    @AfterAll
    void stopNodes() {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, database}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    @Test
    @Order(1)
    void givenOneEpisode_whenBothNodesRaceConflictingCommands_thenOneSucceedsAndTheOtherIsRefused() {
        Clinic onFirst = new Clinic(first.api());
        for (int i = 0; i < 4; i++) {
            String episodeId = onFirst.referClient();
            episodes.add(episodeId);
            // a change made through the other node leaves the first node's cached copy of the episode behind
            accepted(second.api().post("/api/episodes/" + episodeId + "/measures", measure(LocalDate.of(2026, 3, 5))));

            List<Api.Response> assessments = race(
                    () -> first.api().post("/api/episodes/" + episodeId + "/assessment", Clinic.suitableAssessment()),
                    () -> second.api().post("/api/episodes/" + episodeId + "/assessment", Clinic.suitableAssessment()));
            assertThat(assessments).extracting(Api.Response::status).as(assessments.toString())
                    .containsExactlyInAnyOrder(200, 409);
            assertThat(typesOf(episodeId)).filteredOn("AssessmentCompleted"::equals).hasSize(1);

            List<Api.Response> endings = race(
                    () -> first.api().post("/api/episodes/" + episodeId + "/ending",
                            Map.of("endedOn", "2026-03-20", "reason", "CLIENT_WITHDREW")),
                    () -> second.api().post("/api/episodes/" + episodeId + "/ending",
                            Map.of("endedOn", "2026-03-21", "reason", "OTHER")));
            assertThat(endings).extracting(Api.Response::status).as(endings.toString()).containsExactlyInAnyOrder(200, 409);
            List<JsonNode> ended = new LogAgreement(first.api()).events(episodeId).stream()
                    .filter(e -> "TherapyEnded".equals(e.get("type").asText())).toList();
            assertThat(ended).hasSize(1);
            String winner = endings.get(0).status() == 200 ? "CLIENT_WITHDREW" : "OTHER";
            assertThat(ended.get(0).get("payload").get("reason").asText()).isEqualTo(winner);
        }
    }

    @Test
    @Order(2)
    void givenAnEpisodeCachedOnOneNode_whenTheOtherNodeMovesItOn_thenTheFirstDecidesOnTheStoredState() {
        Clinic onFirst = new Clinic(first.api());
        String therapistId = onFirst.registerTherapist(5);
        therapists.add(therapistId);
        String episodeId = onFirst.waitingClient();
        episodes.add(episodeId);
        accepted(second.api().post("/api/episodes/" + episodeId + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));

        // the first node last saw the episode WAITING; the log says IN_THERAPY, so the booking is allowed
        Api.Response booking = first.api().post("/api/episodes/" + episodeId + "/sessions",
                Map.of("startsAt", Clinic.FIRST_SESSION.toString(), "mode", "VIDEO"));
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
    }

    @Test
    @Order(3)
    void givenEverySegmentOnTheFirstNode_whenTheOtherIsAskedToReplay_thenItRefusesAndKeepsItsProcessorRunning() {
        Api.Response replay = second.api().post("/api/admin/projections/outcomes/replay", null);

        assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
        assertThat(replay.json().get("type").asText()).isEqualTo("/problems/projection-claimed-elsewhere");
        for (JsonNode projection : second.api().get("/api/admin/projections").json()) {
            assertThat(projection.get("running").asBoolean()).as(projection.toString()).isTrue();
        }
    }

    @Test
    @Order(4)
    void givenLoadOnBothNodes_whenOneIsKilled_thenTheSurvivorClaimsEverySegmentWithinTheClaimTimeout() throws Exception {
        List<String> loadTherapists = new ArrayList<>();
        for (int t = 0; t < THERAPISTS; t++) {
            loadTherapists.add(new Clinic(node(t).api()).registerTherapist(EPISODES));
        }
        therapists.addAll(loadTherapists);
        List<String> inTherapy = new ArrayList<>();
        for (int i = 0; i < EPISODES; i++) {
            inTherapy.add(new Clinic(node(i).api()).clientInTherapyWith(loadTherapists.get(i % THERAPISTS)));
        }
        episodes.addAll(inTherapy);
        assertThat(owners()).as("before the kill, the first node holds every segment").allMatch(
                owner -> owner.startsWith(first.tokenOwnerPrefix()));

        int total = EPISODES * ROUNDS * 2;
        AtomicInteger done = new AtomicInteger();
        ExecutorService episodesInParallel = Executors.newFixedThreadPool(6);
        ExecutorService requests = Executors.newFixedThreadPool(12);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int i = 0; i < EPISODES; i++) {
            int index = i;
            work.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    // each round sends one booking and one measure for the same episode, one through each node, at once
                    ServiceProcess booker = node(index + round);
                    Op booking = Op.booking(inTherapy.get(index), round, Clinic.week(round + 1)
                            .plus(index, ChronoUnit.HOURS), booker);
                    Op measure = Op.measure(inTherapy.get(index), round, other(booker));
                    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> send(booking), requests);
                    CompletableFuture<Void> two = CompletableFuture.runAsync(() -> send(measure), requests);
                    one.join();
                    two.join();
                    done.addAndGet(2);
                }
            }, episodesInParallel));
        }

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> done.get() >= total * 2 / 5);
        first.kill();
        Instant killed = Instant.now();
        Awaitility.await("the survivor owns every segment").atMost(CLAIM_TIMEOUT.plus(HAND_OVER_MARGIN))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> owners().stream().allMatch(owner -> owner != null && owner.startsWith(second.tokenOwnerPrefix()))
                        && segmentsClaimed(second).stream().allMatch(claimed -> claimed == readModelSegments()));
        handOver = Duration.between(killed, Instant.now());

        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        episodesInParallel.shutdown();
        requests.shutdown();

        assertThat(done.get()).isEqualTo(total);
        assertThat(load.values()).as("every command got a definite answer").allMatch(op -> op.status > 0);
        assertThat(load.values()).filteredOn(op -> op.status >= 500).as("no server errors").isEmpty();
        assertThat(load.values()).filteredOn(op -> op.answeredBy == first).as("commands the first node answered").isNotEmpty();
        assertThat(retriedOnSurvivor.get()).as("commands sent to the killed node and retried on the survivor").isPositive();
        System.out.printf("hand-over after SIGKILL: %d ms (claim timeout %s); %d commands retried on the survivor%n",
                handOver.toMillis(), CLAIM_TIMEOUT, retriedOnSurvivor.get());
    }

    @Test
    @Order(5)
    void afterTheCrash_everyAcceptedCommandIsInTheLogExactlyOnce() {
        LogAgreement log = new LogAgreement(second.api());
        Map<String, List<Op>> byEpisode = new HashMap<>();
        load.values().forEach(op -> byEpisode.computeIfAbsent(op.episodeId, id -> new ArrayList<>()).add(op));
        int accepted = 0;
        for (Map.Entry<String, List<Op>> entry : byEpisode.entrySet()) {
            List<JsonNode> events = log.events(entry.getKey());
            List<Integer> bookedNumbers = events.stream().filter(e -> "SessionBooked".equals(e.get("type").asText()))
                    .map(e -> e.get("payload").get("sessionNumber").asInt()).toList();
            assertThat(bookedNumbers).as("no session number booked twice in " + entry.getKey()).doesNotHaveDuplicates();
            for (Op op : entry.getValue()) {
                List<JsonNode> caused = events.stream()
                        .filter(e -> op.key.equals(e.get("correlationId").asText(null))).toList();
                if (op.status >= 300) {
                    assertThat(caused).as("a refused command appends nothing: " + op).isEmpty();
                    continue;
                }
                accepted++;
                assertThat(caused).as("the events of " + op).hasSize(1);
                JsonNode payload = caused.get(0).get("payload");
                if (op.kind.equals("booking")) {
                    assertThat(caused.get(0).get("type").asText()).isEqualTo("SessionBooked");
                    assertThat(payload.get("sessionNumber").asInt()).isEqualTo(op.answer.get("sessionNumber").asInt());
                } else {
                    assertThat(caused.get(0).get("type").asText()).isEqualTo("OutcomeMeasureRecorded");
                    assertThat(payload.get("measureId").asText()).isEqualTo(op.answer.get("measureId").asText());
                }
            }
            long bookings = entry.getValue().stream().filter(op -> op.kind.equals("booking") && op.status < 300).count();
            assertThat(bookedNumbers).as("bookings of " + entry.getKey()).hasSize((int) bookings);
        }
        assertThat(accepted).as("accepted commands").isGreaterThan(load.size() / 2);
    }

    @Test
    @Order(6)
    void afterTheCrash_everyReadModelOnTheSurvivorAgreesWithTheLog() {
        LogAgreement survivor = new LogAgreement(second.api());
        survivor.awaitCaughtUp(Duration.ofSeconds(60));
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        survivor.assertReadModelsAgree(episodes, therapists, events);
    }

    @Test
    @Order(7)
    void afterTheCrash_noCommandIsHalfApplied() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE result_type IS NULL", Integer.class))
                .as("idempotency records claimed but never completed").isZero();
        List<String> withoutEvents = jdbc.queryForList("""
                SELECT r.idempotency_key FROM idempotency_record r
                 WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e
                        WHERE convert_from(e.meta_data, 'UTF8')::jsonb ->> 'correlationId' = r.idempotency_key)""", String.class);
        assertThat(withoutEvents).as("answered commands without their events").isEmpty();
        List<String> withoutRecord = jdbc.queryForList("""
                SELECT DISTINCT convert_from(e.meta_data, 'UTF8')::jsonb ->> 'correlationId' FROM domain_event_entry e
                 WHERE convert_from(e.meta_data, 'UTF8')::jsonb ->> 'correlationId' LIKE 'load-%'
                   AND NOT EXISTS (SELECT 1 FROM idempotency_record r
                        WHERE r.idempotency_key = convert_from(e.meta_data, 'UTF8')::jsonb ->> 'correlationId')""", String.class);
        assertThat(withoutRecord).as("events of keyed commands whose key record is missing").isEmpty();

        Set<String> slotsFromEvents = new HashSet<>();
        Set<String> caseloadFromEvents = new HashSet<>();
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT aggregate_identifier AS episode, substring(payload_type from '[^.]+$') AS type,
                       convert_from(payload, 'UTF8')::jsonb AS payload
                  FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number""")) {
            String episode = (String) row.get("episode");
            JsonNode payload = new Api.Response(200, Map.of(), row.get("payload").toString()).json();
            switch ((String) row.get("type")) {
                case "SessionBooked" -> slotsFromEvents.add(episode + "#" + payload.get("sessionNumber").asInt() + "@"
                        + payload.get("therapistId").asText());
                case "SessionCancelled" -> slotsFromEvents.removeIf(s -> s.startsWith(episode + "#"
                        + payload.get("sessionNumber").asInt() + "@"));
                case "TherapistAllocated" -> caseloadFromEvents.add(episode + "@" + payload.get("therapistId").asText() + ":false");
                case "TherapyEnded" -> {
                    if (caseloadFromEvents.removeIf(c -> c.startsWith(episode + "@"))) {
                        caseloadFromEvents.add(episode + "@" + therapistOf(episode) + ":true");
                    }
                }
                default -> {
                }
            }
        }
        assertThat(new HashSet<>(jdbc.queryForList(
                "SELECT episode_id || '#' || session_number || '@' || therapist_id FROM cmd_session_slot", String.class)))
                .as("the therapists' diaries against the bookings in the log").isEqualTo(slotsFromEvents);
        assertThat(new HashSet<>(jdbc.queryForList(
                "SELECT episode_id || '@' || therapist_id || ':' || ended FROM cmd_caseload", String.class)))
                .as("the caseload lookup against the allocations and endings in the log").isEqualTo(caseloadFromEvents);
    }

    private String therapistOf(String episodeId) {
        return jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'therapistId' FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%.TherapistAllocated'""", String.class, episodeId);
    }

    private static List<Integer> segmentsClaimed(ServiceProcess node) {
        List<Integer> claimed = new ArrayList<>();
        node.api().get("/api/admin/projections").json().forEach(p -> claimed.add(p.get("segmentsClaimed").asInt()));
        return claimed;
    }

    /** The read models' processor's segments, as its tokens are stored. */
    private int readModelSegments() {
        return jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = 'read-models'", Integer.class);
    }

    private List<String> owners() {
        return jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name IN " + PROCESSORS, String.class);
    }

    private List<String> typesOf(String episodeId) {
        return new LogAgreement(first.api()).events(episodeId).stream().map(e -> e.get("type").asText()).toList();
    }

    private ServiceProcess node(int i) {
        return i % 2 == 0 ? first : second;
    }

    private ServiceProcess other(ServiceProcess node) {
        return node == first ? second : first;
    }

    /** Like a client behind a load balancer: a request whose node is gone goes to the other node, with the same key. */
    private void send(Op op) {
        load.put(op.key, op);
        ServiceProcess target = op.node.isAlive() ? op.node : other(op.node);
        Api.Response response;
        try {
            response = post(target, op);
        } catch (UncheckedIOException e) {
            retriedOnSurvivor.incrementAndGet();
            target = other(target);
            response = post(target, op);
        }
        op.status = response.status();
        op.answer = response.json();
        op.answeredBy = target;
    }

    private static Api.Response post(ServiceProcess node, Op op) {
        return node.api().post(op.path, op.body, "Idempotency-Key", op.key, "X-Correlation-Id", op.key);
    }

    private static List<Api.Response> race(Supplier<Api.Response> one, Supplier<Api.Response> two) {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> awaitThen(start, one), racers);
            CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> awaitThen(start, two), racers);
            start.countDown();
            return List.of(a.join(), b.join());
        } finally {
            racers.shutdown();
        }
    }

    private static Api.Response awaitThen(CountDownLatch start, Supplier<Api.Response> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return request.get();
    }

    private static Map<String, Object> measure(LocalDate recordedOn) {
        return Map.of("instrument", "PHQ9", "items", Clinic.PHQ9_MILD, "recordedOn", recordedOn.toString());
    }

    /** One command of the load, and how it ended. */
    static final class Op {
        final String key;
        final String kind;
        final String episodeId;
        final String path;
        final Map<String, Object> body;
        final ServiceProcess node;
        volatile int status;
        volatile JsonNode answer;
        volatile ServiceProcess answeredBy;

        private Op(String kind, String episodeId, int round, String path, Map<String, Object> body, ServiceProcess node) {
            this.key = "load-" + kind + "-" + episodeId + "-" + round;
            this.kind = kind;
            this.episodeId = episodeId;
            this.path = path;
            this.body = body;
            this.node = node;
        }

        static Op booking(String episodeId, int round, Instant startsAt, ServiceProcess node) {
            return new Op("booking", episodeId, round, "/api/episodes/" + episodeId + "/sessions",
                    Map.of("startsAt", startsAt.toString(), "mode", "IN_PERSON"), node);
        }

        static Op measure(String episodeId, int round, ServiceProcess node) {
            return new Op("measure", episodeId, round, "/api/episodes/" + episodeId + "/measures",
                    TwoNodesIT.measure(LocalDate.of(2026, 4, 1).plusDays(round)), node);
        }

        @Override
        public String toString() {
            return key + " -> " + status + " " + answer;
        }
    }
}
