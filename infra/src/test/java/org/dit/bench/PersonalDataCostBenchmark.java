package org.dit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.dit.events.PersonalData;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What sealing personal data costs (issue 12), in one run: the events of real courses (clients registered, referred,
 * assessed with notes, focus agreed, sessions cancelled with a reason, attended with scores, ended), written and read
 * by the event serializer that seals their personal fields and by the plain Jackson serializer it decorates, in
 * alternating rounds. Writing is the command path's share, reading the replay's. {@code ./mvnw -B -Pbench verify
 * -Dtest=PersonalDataCostBenchmark}; writes bench-personal-data.json and .md at the top level.
 */
@Tag("bench")
@ApiTest
class PersonalDataCostBenchmark {

    private static final int COURSES = 20;
    private static final int ROUNDS = 12;
    private static final int PASSES_PER_ROUND = 20;

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer plain;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer sealing;

    @Test
    void sealingAgainstPlainJackson() throws Exception {
        List<Object> events = coursesOfEvents();
        long sealed = events.stream().filter(PersonalDataCostBenchmark::hasPersonalData).count();

        double[] plainWrite = new double[ROUNDS];
        double[] sealingWrite = new double[ROUNDS];
        double[] plainRead = new double[ROUNDS];
        double[] sealingRead = new double[ROUNDS];
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            round(plain, events);
            round(sealing, events);
        }
        for (int r = 0; r < ROUNDS; r++) {
            // alternate which goes first, so that drift on a shared machine falls on both
            Serializer first = r % 2 == 0 ? plain : sealing;
            Serializer second = first == plain ? sealing : plain;
            double[] a = round(first, events);
            double[] b = round(second, events);
            double[] p = first == plain ? a : b;
            double[] s = first == plain ? b : a;
            plainWrite[r] = p[0];
            plainRead[r] = p[1];
            sealingWrite[r] = s[0];
            sealingRead[r] = s[1];
        }
        Results results = new Results();
        results.put("events", events.size(), "events of " + COURSES + " courses and their clients");
        results.put("eventsWithPersonalData", sealed, "of which carry personal data (sealed)");
        results.put("plainWriteMicros", median(plainWrite), "plain Jackson: serialise, µs per event");
        results.put("sealingWriteMicros", median(sealingWrite), "sealing serializer: serialise, µs per event");
        results.put("plainReadMicros", median(plainRead), "plain Jackson: deserialise, µs per event");
        results.put("sealingReadMicros", median(sealingRead), "sealing serializer: deserialise, µs per event");
        results.put("writeRatio", median(sealingWrite) / median(plainWrite), "sealing / plain, writing (median rounds)");
        results.put("readRatio", median(sealingRead) / median(plainRead), "sealing / plain, reading (median rounds)");
        results.write(Path.of("..", "bench-personal-data.json"), Path.of("..", "bench-personal-data.md"),
                "# What sealing personal data costs (" + String.format(Locale.ROOT, "%d rounds", ROUNDS) + ")");
    }

    /** Microseconds per event to serialise, then to deserialise, every event {@code PASSES_PER_ROUND} times. */
    private static double[] round(Serializer serializer, List<Object> events) {
        List<SerializedObject<byte[]>> written = new ArrayList<>(events.size());
        long start = System.nanoTime();
        for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
            written.clear();
            for (Object event : events) {
                written.add(serializer.serialize(event, byte[].class));
            }
        }
        long wrote = System.nanoTime();
        long checksum = 0;
        for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
            for (SerializedObject<byte[]> serialized : written) {
                Object event = serializer.deserialize(serialized);
                checksum += event.hashCode();
            }
        }
        long read = System.nanoTime();
        if (checksum == 42) {
            System.out.println("(keeps the reads from being optimised away)");
        }
        double perEvent = 1_000.0 * PASSES_PER_ROUND * events.size();
        return new double[] {(wrote - start) / perEvent, (read - wrote) / perEvent};
    }

    /** Real courses through the API, then every event of their episodes and clients as the log holds it. */
    private List<Object> coursesOfEvents() {
        Api api = new Api(port);
        Clinic clinic = new Clinic(api);
        for (int i = 0; i < COURSES; i++) {
            String episodeId = clinic.clientInTherapyWith(clinic.registerTherapist(2));
            clinic.attendSessions(episodeId, 6);
            Clinic.accepted(api.post("/api/episodes/" + episodeId + "/sessions", java.util.Map.of(
                    "startsAt", Clinic.week(7).toString(), "mode", "VIDEO")));
            Clinic.accepted(api.post("/api/episodes/" + episodeId + "/sessions/7/cancellation", java.util.Map.of(
                    "cancelledBy", "CLIENT", "reason", "Away at a family wedding (invented)")));
            Clinic.accepted(api.post("/api/episodes/" + episodeId + "/ending", java.util.Map.of(
                    "endedOn", "2026-05-01", "reason", "DROPPED_OUT")));
        }
        List<String> aggregates = jdbc.queryForList(
                "SELECT DISTINCT aggregate_identifier FROM domain_event_entry", String.class);
        List<Object> events = new ArrayList<>();
        for (String aggregate : aggregates) {
            eventStore.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).forEach(events::add);
        }
        return events;
    }

    private static boolean hasPersonalData(Object event) {
        return event.getClass().isRecord() && java.util.Arrays.stream(event.getClass().getRecordComponents())
                .anyMatch(c -> c.isAnnotationPresent(PersonalData.class));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }
}
