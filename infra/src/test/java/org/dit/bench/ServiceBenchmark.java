package org.dit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.dit.DitApplication;
import org.dit.command.episode.AllocateTherapist;
import org.dit.command.episode.BookSession;
import org.dit.command.episode.EndTherapy;
import org.dit.command.episode.RecordAssessment;
import org.dit.command.episode.RecordAttendance;
import org.dit.command.client.RegisterClient;
import org.dit.command.episode.ReferClient;
import org.dit.command.therapist.RegisterTherapist;
import org.dit.events.ClientId;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;
import org.dit.support.Clinic;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.Focus;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.events.episode.SessionMode;
import org.dit.events.therapist.Accreditation;
import org.dit.query.admin.ProjectionAdmin;
import org.dit.query.admin.ProjectionAdmin.BulkReplayReport;
import org.dit.support.EmbeddedDatabaseAccess;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service measured against this machine's own PostgreSQL ceiling, in one process on one embedded, durable
 * PostgreSQL: {@code ./mvnw -B -Pbench verify}. Writes bench-results.json and bench-results.md at the top level.
 * Ratios compare numbers measured in the same run, so a shared, noisy machine moves both sides together.
 */
@Tag("bench")
class ServiceBenchmark {

    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    /** Rows per statement of the read+deserialise ceiling. */
    static final int PAGE = 5_000;
    static final int EPISODES = Integer.getInteger("bench.episodes", 100_000);
    static final int MIN_REPLAY_EVENTS = Integer.getInteger("bench.replayEvents", 1_000_000);
    static final String[] PROJECTIONS = {"episode-view", "caseload", "waiting-list", "outcomes", "client-view",
        "risk-worklist", "therapists"};
    static final Focus FOCUS = new Focus("Overlooked", "Dismissive", "Anger, then shame", "Withdraws first");
    static final MetaData BENCH = MetaData.with("actor", "bench").and("correlationId", "bench");

    final Results results = new Results();
    ConfigurableApplicationContext context;
    JdbcTemplate jdbc;
    /** The owner of the tables: the service's own role may create none. */
    JdbcTemplate owner;
    CommandGateway gateway;
    CpuTime cpu;
    String base;
    String token;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void measure() throws Exception {
        Path top = Path.of("").toAbsolutePath().getParent();
        Path dataDir = Files.createTempDirectory("dit-bench");
        token = TestTokens.token("bench", List.of("ADMIN", "SUPERVISOR", "REPORTING"), null);
        long started = System.nanoTime();
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=",
                "--dit.embedded-db.data-dir=" + dataDir, "--logging.level.root=WARN"));
        args.addAll(List.of(TestTokens.serviceArguments()));
        context = new SpringApplication(DitApplication.class).run(args.toArray(String[]::new));
        base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        waitUntil(() -> get("/actuator/health").statusCode() == 200, Duration.ofSeconds(60));
        results.put("startupS", (System.nanoTime() - started) / 1e9, "start-up to health UP, fresh embedded database (s)");
        try {
            jdbc = context.getBean(JdbcTemplate.class);
            owner = EmbeddedDatabaseAccess.jdbc(context, dataDir, "dit_owner");
            gateway = context.getBean(CommandGateway.class);
            cpu = new CpuTime(dataDir);
            results.put("durable", "fsync=" + jdbc.queryForObject("SHOW fsync", String.class) + ", synchronous_commit="
                    + jdbc.queryForObject("SHOW synchronous_commit", String.class), "database durability");

            ceilingInserts();
            commandPath();
            httpPath();
            replay();
            queries();
            countsMatch();
            results.put("peakRssMb", peakRssMb(), "peak resident memory of the service JVM (MB)");
            results.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024), "JVM max heap (MB)");
            results.put("commit", commit(top), "commit");
            results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                    + totalMemoryGb() + " GiB", "machine");
            results.put("date", LocalDate.now().toString(), "date");
            results.write(top.resolve("bench-results.json"), top.resolve("bench-results.md"),
                    "Benchmark of " + LocalDate.now() + ", commit " + results.get("commit") + ", " + results.get("machine"));
        } finally {
            context.close();
        }
        assertThat(results.get("readModelCountsMatch")).isEqualTo(true);
    }

    // 1. ceilings ------------------------------------------------------------------------------------------------

    private void ceilingInserts() throws Exception {
        owner.execute("""
                CREATE TABLE bench_ceiling (global_index BIGSERIAL PRIMARY KEY, aggregate_identifier VARCHAR(255) NOT NULL,
                    sequence_number BIGINT NOT NULL, type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL UNIQUE,
                    meta_data BYTEA, payload BYTEA NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL,
                    time_stamp VARCHAR(255) NOT NULL, UNIQUE (aggregate_identifier, sequence_number))""");
        owner.execute("GRANT INSERT ON bench_ceiling TO dit_app");
        owner.execute("GRANT USAGE ON SEQUENCE bench_ceiling_global_index_seq TO dit_app");
        byte[] payload = ("{\"episodeId\":\"" + UUID.randomUUID() + "\",\"sessionNumber\":3,\"therapistId\":\"" + UUID.randomUUID()
                + "\",\"startsAt\":\"2026-03-23T09:00:00Z\",\"durationMinutes\":50,\"mode\":\"IN_PERSON\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] meta = "{\"actor\":\"bench\",\"commandName\":\"BookSession\",\"correlationId\":\"0b6c8f0e-5a43-4c2e-9d2f-4f1c1a8e7d11\"}"
                .getBytes(StandardCharsets.UTF_8);
        for (int threads : new int[] {1, 8}) {
            Latencies latencies = new Latencies(threads);
            double rate = parallel(threads, Math.max(5, SECONDS / 3), latencies, (thread, deadline) -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    jdbc.update("""
                            INSERT INTO bench_ceiling (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                   payload, payload_revision, payload_type, time_stamp) VALUES (?, 0, 'Episode', ?, ?, ?, '1', ?, ?)""",
                            UUID.randomUUID().toString(), UUID.randomUUID().toString(), meta, payload,
                            "org.dit.events.episode.SessionBooked", Instant.now().toString());
                    latencies.record(thread, System.nanoTime() - start);
                }
            });
            results.put("ceilingInsertTx" + threads, rate, "ceiling: single-row INSERT transactions/s, " + threads + " thread(s)");
        }
        owner.execute("DROP TABLE bench_ceiling");
    }

    private void ceilingReadDeserialize() {
        Serializer serializer = context.getBean("eventSerializer", Serializer.class);
        long[] rows = new long[1];
        long[] after = {-1};
        long start = System.nanoTime();
        // pages by position, each its own short statement: one cursor over the whole log outlived the service's
        // transaction bound (25 s) once unsealing personal data was part of reading
        for (int page = PAGE; page == PAGE; ) {
            int[] read = new int[1];
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("""
                        SELECT global_index, payload_type, payload_revision, payload FROM domain_event_entry
                         WHERE global_index > ? ORDER BY global_index LIMIT ?""");
                statement.setLong(1, after[0]);
                statement.setInt(2, PAGE);
                statement.setFetchSize(PAGE);
                return statement;
            }, rs -> {
                after[0] = rs.getLong(1);
                read[0]++;
                Object payload = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(4), byte[].class, rs.getString(2),
                        rs.getString(3)));
                if (payload != null) {
                    rows[0]++;
                }
            });
            page = read[0];
        }
        results.put("ceilingReadDeserialize", rows[0] / ((System.nanoTime() - start) / 1e9),
                "ceiling: sequential read of the event table + Jackson deserialisation, rows/s");
    }

    // 2. commands in process -------------------------------------------------------------------------------------

    private void commandPath() throws Exception {
        for (int threads : new int[] {1, 8}) {
            List<TherapistId> therapists = registerTherapists(threads);
            Latencies latencies = new Latencies(threads);
            CpuTime.Sample cpuBefore = cpu.sample();
            LagProbe probe = new LagProbe();
            double rate = parallel(threads, SECONDS, latencies, (thread, deadline) ->
                    new Workload().run(deadline, latencies, thread, inProcess(therapists.get(thread))));
            long commands = latencies.count();
            probe.stop();
            commands += 2L * probe.latencies.count();
            String suffix = threads == 8 ? "" : String.valueOf(threads);
            results.put("lagP50Ms" + suffix, probe.latencies.percentileMs(50),
                    "projection lag, commit to visible, p50 (ms), under the " + threads + "-thread load");
            results.put("lagP99Ms" + suffix, probe.latencies.percentileMs(99),
                    "projection lag, commit to visible, p99 (ms), under the " + threads + "-thread load");
            // the projections' work for these commands counts too: measured until they have applied every event
            ProjectionAdmin admin = context.getBean(ProjectionAdmin.class);
            waitUntil(() -> admin.statuses().stream().allMatch(st -> st.caughtUp() && !st.replaying()), Duration.ofMinutes(10));
            CpuTime.Sample used = cpu.sample().minus(cpuBefore);
            results.put("cpuMsPerCommand" + threads, (used.jvmMs() + used.postgresMs()) / commands,
                    "CPU ms per command, JVM + PostgreSQL, projections caught up, " + threads + " thread(s)");
            results.put("cpuJvmMsPerCommand" + threads, used.jvmMs() / commands,
                    "of which the JVM (service, projections, load), " + threads + " thread(s)");
            results.put("cpuPostgresMsPerCommand" + threads, used.postgresMs() / commands,
                    "of which PostgreSQL, " + threads + " thread(s)");
            results.put("commandRate" + threads, rate, "command path in process, commands/s, " + threads + " thread(s)");
            results.put("commandP50Ms" + threads, latencies.percentileMs(50), "command p50 (ms), " + threads + " thread(s)");
            results.put("commandP99Ms" + threads, latencies.percentileMs(99), "command p99 (ms), " + threads + " thread(s)");
            results.put("commandErrors" + threads, latencies.errors(), "command errors, " + threads + " thread(s)");
            results.put("commandRatio" + threads, rate / (Double) results.get("ceilingInsertTx" + threads),
                    "command rate / insert ceiling, " + threads + " thread(s)");
        }
    }

    private List<TherapistId> registerTherapists(int count) {
        List<TherapistId> therapists = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TherapistId id = TherapistId.random();
            send(new RegisterTherapist(id, "Bench Therapist " + i, Accreditation.QUALIFIED, null, 200));
            therapists.add(id);
        }
        return therapists;
    }

    /** A referral names a registered client: an invented one with a test NHS number. */
    private ClientId newClient() {
        ClientId client = ClientId.random();
        send(new RegisterClient(client, new ClientDetails(Clinic.testNhsNumber(), null, "Bench", "Client (test)",
                LocalDate.of(1990, 1, 1), Gender.NOT_STATED, EthnicCategory.Z, null, null, null, null, null, false, List.of())));
        return client;
    }

    private void send(Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(BENCH));
    }

    private Workload.Sender inProcess(TherapistId therapist) {
        return (step, episode, session, slot) -> {
            EpisodeId id = new EpisodeId(episode);
            switch (step) {
                case REFER -> send(new ReferClient(id, newClient(), "GP", Workload.REFERRED_ON, PresentingProblem.MIXED,
                        Priority.ROUTINE));
                case ASSESS -> send(new RecordAssessment(id, Workload.REFERRED_ON.plusDays(7), true, Workload.PHQ9, Workload.GAD7,
                        null, MeasureId.random(), MeasureId.random()));
                case ALLOCATE -> send(new AllocateTherapist(id, therapist, Workload.REFERRED_ON.plusDays(14)));
                case BOOK -> send(new BookSession(id, slot, 50, SessionMode.VIDEO));
                case ATTEND -> send(new RecordAttendance(id, session, Workload.PHQ9, Workload.GAD7, MeasureId.random(),
                        MeasureId.random()));
                case FOCUS -> send(new org.dit.command.episode.AgreeFocus(id, FOCUS, null));
                case END -> send(new EndTherapy(id, Workload.REFERRED_ON.plusDays(60), EndReason.DROPPED_OUT));
            }
        };
    }

    /** Every 50 ms a referral; the time from its commit until the episode view shows it. */
    private static final Duration MAX_PROBE_POLL = Duration.ofMillis(10);

    private final class LagProbe {
        final Latencies latencies = new Latencies(1);
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

        LagProbe() {
            scheduler.scheduleWithFixedDelay(this::probe, 0, 50, TimeUnit.MILLISECONDS);
        }

        void probe() {
            EpisodeId id = EpisodeId.random();
            send(new ReferClient(id, newClient(), "GP", Workload.REFERRED_ON, PresentingProblem.MIXED, Priority.ROUTINE));
            long committed = System.nanoTime();
            // every millisecond at first, then at most every 10 ms: a probe polling a long lag every millisecond
            // spent the CPU it then charged to each command
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO)
                    .pollInterval(new IterativePollInterval(d -> d.multipliedBy(2).compareTo(MAX_PROBE_POLL) > 0
                            ? MAX_PROBE_POLL : d.multipliedBy(2), Duration.ofMillis(1)))
                    .until(() -> jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM episode_view WHERE episode_id = ?)",
                            Boolean.class, id.value()));
            latencies.record(0, System.nanoTime() - committed);
        }

        void stop() throws InterruptedException {
            scheduler.shutdown();
            scheduler.awaitTermination(2, TimeUnit.MINUTES);
        }
    }

    // 3. HTTP end to end -----------------------------------------------------------------------------------------

    private void httpPath() throws Exception {
        // the in-process phases warmed the command path, not Tomcat, Spring MVC, Security and the web JSON: a first
        // round at 8 clients, reported apart, warms those before anything is measured
        List<TherapistId> warmUpTherapists = registerTherapists(8);
        Latencies warmUp = new Latencies(8);
        double warmUpRate = parallel(8, Math.min(SECONDS, 20), warmUp, (thread, deadline) ->
                new Workload().run(deadline, warmUp, thread, overHttp(warmUpTherapists.get(thread))));
        results.put("httpWarmUpRate8", warmUpRate, "HTTP warm-up (not a target), requests/s, 8 clients");
        results.put("httpWarmUpP99Ms8", warmUp.percentileMs(99), "HTTP warm-up p99 (ms), 8 clients");
        for (int clients : new int[] {8, 32}) {
            List<TherapistId> therapists = registerTherapists(clients);
            Latencies latencies = new Latencies(clients);
            double rate = parallel(clients, SECONDS, latencies, (thread, deadline) ->
                    new Workload().run(deadline, latencies, thread, overHttp(therapists.get(thread))));
            results.put("httpRate" + clients, rate, "HTTP end to end, requests/s, " + clients + " clients");
            results.put("httpP50Ms" + clients, latencies.percentileMs(50), "HTTP p50 (ms), " + clients + " clients");
            results.put("httpP99Ms" + clients, latencies.percentileMs(99), "HTTP p99 (ms), " + clients + " clients");
            results.put("httpErrors" + clients, latencies.errors(), "HTTP errors, " + clients + " clients");
        }
    }

    private Workload.Sender overHttp(TherapistId therapist) {
        ObjectMapper json = new ObjectMapper();
        String[] episodeId = new String[1];
        return (step, ignored, session, slot) -> {
            String e = "/api/episodes/" + episodeId[0];
            HttpResponse<String> response = switch (step) {
                case REFER -> {
                    HttpResponse<String> registered = post("/api/clients", Clinic.inventedClient());
                    if (registered.statusCode() != 201) {
                        throw new IllegalStateException("registration answered " + registered.statusCode() + ": "
                                + registered.body());
                    }
                    yield post("/api/episodes", Map.of("clientId", json.readTree(registered.body()).get("clientId").asText(),
                            "referralSource", "GP", "referredOn", Workload.REFERRED_ON.toString(),
                            "presentingProblem", "MIXED", "priority", "ROUTINE"));
                }
                case ASSESS -> post(e + "/assessment", Map.of("assessedOn", Workload.REFERRED_ON.plusDays(7).toString(),
                        "suitable", true, "phq9", Workload.PHQ9, "gad7", Workload.GAD7));
                case ALLOCATE -> post(e + "/allocation", Map.of("therapistId", therapist.toString(),
                        "allocatedOn", Workload.REFERRED_ON.plusDays(14).toString()));
                case BOOK -> post(e + "/sessions", Map.of("startsAt", slot.toString(), "mode", "VIDEO"));
                case ATTEND -> post(e + "/sessions/" + session + "/attendance", Map.of("phq9", Workload.PHQ9, "gad7", Workload.GAD7));
                case FOCUS -> post(e + "/focus", Map.of("selfRepresentation", FOCUS.selfRepresentation(),
                        "otherRepresentation", FOCUS.otherRepresentation(), "affect", FOCUS.affect(),
                        "defensiveFunction", FOCUS.defensiveFunction()));
                case END -> post(e + "/ending", Map.of("endedOn", Workload.REFERRED_ON.plusDays(60).toString(),
                        "reason", "DROPPED_OUT"));
            };
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(step + " answered " + response.statusCode() + ": " + response.body());
            }
            if (step == Workload.Step.REFER) {
                episodeId[0] = json.readTree(response.body()).get("episodeId").asText();
            }
        };
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // 4. replay --------------------------------------------------------------------------------------------------

    List<TherapistId> seededTherapists;

    private void replay() throws Exception {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        List<StreamingEventProcessor> paused = new ArrayList<>();
        for (String name : PROJECTIONS) {
            StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            paused.add(processor);
        }
        StreamingEventProcessor chain = processing.eventProcessor("audit-chain", StreamingEventProcessor.class).orElseThrow();
        chain.shutDown();
        long seedStart = System.nanoTime();
        Seeder.Seeded seeded = new Seeder(context.getBean(EventStore.class), context.getBean(TransactionTemplate.class))
                .seed(EPISODES, 100);
        seededTherapists = seeded.therapists();
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        results.put("seedEventsPerSec", seeded.events() / ((System.nanoTime() - seedStart) / 1e9),
                "setup: seeding through the event store, events/s (not a target)");
        assertThat(events).as("the replay runs over at least " + MIN_REPLAY_EVENTS + " events").isGreaterThanOrEqualTo(
                Math.min(MIN_REPLAY_EVENTS, seeded.events()));
        ceilingReadDeserialize();

        ProjectionAdmin admin = context.getBean(ProjectionAdmin.class);
        results.put("replayEvents", events, "replay: events in the log");
        results.put("replayProjections", PROJECTIONS.length, "replay: projections rebuilt together");
        // the replay an operator asks for: driven in chunks up to the head, then the processor
        double seconds = replayAll(admin, -1, events, "", "driven in chunks");
        BulkReplayReport bulk = admin.lastBulkReplay().orElseThrow();
        assertThat(bulk.reachedHead()).as("the driven replay reached the head").isTrue();
        results.put("replayEventsPerSec", events / seconds, "replay: events/s (every projection through the whole log)");
        results.put("replayRatio", events / seconds / (Double) results.get("ceilingReadDeserialize"),
                "replay rate / read+deserialise ceiling");
        results.put("replayBulkEventsPerSec", bulk.events() / bulk.seconds(),
                "replay: events/s of the chunk driver alone (without the processor's hand-over)");
        results.put("replay10MMinutes", 10_000_000 / (events / seconds) / 60,
                "replay: minutes to rebuild a 10M-event log at this rate (projected)");
        // the same replay through the processor alone, as every replay ran before the chunk driver
        double liveSeconds = replayAll(admin, 0, events, "Live", "through the processor alone");
        results.put("replayLiveEventsPerSec", events / liveSeconds,
                "replay through the processor alone, events/s (the live path)");
        results.put("replayLiveRatio", events / liveSeconds / (Double) results.get("ceilingReadDeserialize"),
                "replay through the processor alone / read+deserialise ceiling");
        chain.start();
    }

    /** Replays every read model, in chunks of the configured size ({@code chunkEvents} -1) or of the given size. */
    private double replayAll(ProjectionAdmin admin, int chunkEvents, long events, String key, String how) {
        CpuTime.Sample cpuBefore = cpu.sample();
        long start = System.nanoTime();
        for (String name : PROJECTIONS) {
            if (chunkEvents < 0) {
                admin.replay(name);
            } else {
                admin.replay(name, chunkEvents);
            }
        }
        // each status reads the head, the tokens and the parked events: polled every 20 ms it took CPU from the replay
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> admin.statuses().stream().allMatch(s -> s.caughtUp() && !s.replaying()));
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuTime.Sample used = cpu.sample().minus(cpuBefore);
        results.put("cpuMsPerReplayedEvent" + key, (used.jvmMs() + used.postgresMs()) / events,
                "replay " + how + ": CPU ms per event, JVM + PostgreSQL (every read model)");
        results.put("cpuPostgresShareReplay" + key, used.postgresMs() / (used.jvmMs() + used.postgresMs()),
                "replay " + how + ": PostgreSQL's share of that CPU");
        return seconds;
    }

    // 5. queries at scale ----------------------------------------------------------------------------------------

    private void queries() throws Exception {
        long episodes = jdbc.queryForObject("SELECT count(*) FROM episode_view", Long.class);
        results.put("episodes", episodes, "episodes in the read models");
        // the chain restarts after the replay and links the seeded log: the queries wait for it, as for the projections
        long chainWait = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForObject("""
                SELECT (SELECT max(global_index) FROM domain_event_entry) = (SELECT max(global_index) FROM audit_hash_chain)""",
                Boolean.class));
        results.put("queriesChainCatchUpS", (System.nanoTime() - chainWait) / 1e9,
                "setup: seconds the queries waited for the audit chain to link the seeded log (not a target)");
        results.put("queriesChainBehindEvents", jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM domain_event_entry) - (SELECT count(*) FROM audit_hash_chain)", Long.class),
                "events the audit chain had still to link when the queries started");
        String therapist = seededTherapists.get(0).toString();
        int year = LocalDate.now().getYear() - 1;
        Map<String, String> queries = Map.of(
                "Caseload", "/api/caseloads/" + therapist,
                "WaitingList", "/api/waiting-list",
                "Outcomes", "/api/outcomes?from=" + year + "-01-01&to=" + year + "-12-31");
        for (Map.Entry<String, String> query : new java.util.TreeMap<>(queries).entrySet()) {
            Latencies latencies = new Latencies(1);
            for (int i = 0; i < 250; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = get(query.getValue());
                if (i >= 50) {
                    latencies.record(0, System.nanoTime() - start);
                }
                if (response.statusCode() != 200) {
                    latencies.error();
                }
            }
            results.put("queryP50Ms" + query.getKey(), latencies.percentileMs(50), query.getKey() + " query p50 (ms)");
            results.put("queryP99Ms" + query.getKey(), latencies.percentileMs(99), query.getKey() + " query p99 (ms)");
        }
        results.put("waitingListEntries", jdbc.queryForObject(
                "SELECT count(*) FROM waiting_list_entry WHERE waitlisted_on IS NOT NULL AND left_on IS NULL", Long.class),
                "clients on the waiting list");
    }

    // 6. every read model agrees with the log --------------------------------------------------------------------

    private void countsMatch() {
        long referred = countEvents("ClientReferred");
        Map<String, Long> expected = Map.of(
                "episode_view", referred, "caseload_episode", referred, "waiting_list_entry", referred,
                "outcome_episode", referred, "caseload_therapist", countEvents("TherapistRegistered"),
                "episode_view sessions", countEvents("SessionBooked"),
                "episode_view measures", countEvents("OutcomeMeasureRecorded"));
        boolean match = true;
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            String[] part = table.getKey().split(" ");
            long rows = part.length == 1 ? jdbc.queryForObject("SELECT count(*) FROM " + part[0], Long.class)
                    : jdbc.queryForObject("SELECT coalesce(sum(jsonb_array_length(facts::jsonb -> '" + part[1] + "')), 0) FROM "
                    + part[0], Long.class);
            if (rows != table.getValue()) {
                System.out.printf("BENCH mismatch %s: %d rows, %d expected%n", table.getKey(), rows, table.getValue());
                match = false;
            }
        }
        results.put("readModelCountsMatch", match, "every read model agrees with the log");
    }

    private long countEvents(String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                (type.equals("TherapistRegistered") ? "org.dit.events.therapist." : "org.dit.events.episode.") + type);
    }

    // helpers ----------------------------------------------------------------------------------------------------

    interface Work {
        void run(int thread, long deadlineNanos) throws Exception;
    }

    /** Runs the work on n threads for the given seconds; answers operations per second over the wall time. */
    private double parallel(int threads, int seconds, Latencies latencies, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                work.run(thread, deadline);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return latencies.count() / ((System.nanoTime() - start) / 1e9);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check check, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(check::ok);
    }

    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static long totalMemoryGb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
            }
        }
        return -1;
    }

    private static String commit(Path top) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(top.toFile()).start();
            String hash = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && !hash.isEmpty() ? hash : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
