package org.dit.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.TherapistId;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistRegistered;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setup, not measured: appends generated, rule-abiding episode streams through the event store in batches, shaped like
 * a service some years old: most episodes ended, a few hundred waiting, about twenty active per therapist.
 */
final class Seeder {

    private static final Focus FOCUS = new Focus("Overlooked", "Dismissive", "Anger, then shame", "Withdraws first");
    private static final MetaData SEEDED = MetaData.with("actor", "bench-seeder").and("correlationId", "seed");
    /** Small enough that a batch, its personal data sealed, commits well within the 25 s transaction bound. */
    private static final int BATCH = 500;

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Random random = new Random(20261121L);
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private long appended;

    Seeder(EventStore eventStore, TransactionTemplate transaction) {
        this.eventStore = eventStore;
        this.transaction = transaction;
    }

    record Seeded(long events, int episodes, List<TherapistId> therapists) {
    }

    Seeded seed(int episodes, int therapistCount) {
        List<TherapistId> therapists = new ArrayList<>();
        for (int t = 0; t < therapistCount; t++) {
            TherapistId id = TherapistId.random();
            therapists.add(id);
            add("Therapist", id.toString(), 0, new TherapistRegistered(id, "Seeded Therapist " + t, Accreditation.QUALIFIED,
                    null, 200));
        }
        for (int i = 0; i < episodes; i++) {
            episode(i, therapists.get(i % therapistCount));
        }
        flush();
        return new Seeded(appended, episodes, therapists);
    }

    private void episode(int index, TherapistId therapist) {
        EpisodeId id = EpisodeId.random();
        Stream s = new Stream(id.toString());
        LocalDate referred = LocalDate.of(2023, 1, 2).plusDays(random.nextInt(3 * 365));
        int kind = random.nextInt(1000);
        s.add(new ClientReferred(id, ClientId.random(), "GP", referred, PresentingProblem.values()[index % 4],
                random.nextInt(10) == 0 ? Priority.URGENT : Priority.ROUTINE));
        if (kind < 300) {
            return;
        }
        LocalDate assessed = referred.plusDays(7);
        int phq9 = 8 + random.nextInt(15);
        int gad7 = 6 + random.nextInt(12);
        s.add(new AssessmentCompleted(id, assessed, kind >= 500, null));
        s.add(measure(id, Instrument.PHQ9, phq9, assessed, null));
        s.add(measure(id, Instrument.GAD7, gad7, assessed, null));
        if (kind < 500) {
            s.add(new TherapyEnded(id, assessed, EndReason.NOT_SUITABLE));
            return;
        }
        s.add(new ClientWaitlisted(id, assessed));
        if (kind < 505) {
            return;
        }
        LocalDate allocated = assessed.plusDays(14 + random.nextInt(40));
        s.add(new TherapistAllocated(id, therapist, allocated));
        boolean active = kind < 525;
        int sessions = active ? 2 : 4 + random.nextInt(3);
        Instant first = allocated.plusDays(7).atTime(8 + index % 10, 0).toInstant(ZoneOffset.UTC);
        for (int n = 1; n <= sessions; n++) {
            Instant startsAt = first.plusSeconds((n - 1) * 7L * 86_400);
            s.add(new SessionBooked(id, n, therapist, startsAt, 50, SessionMode.IN_PERSON));
            s.add(new SessionAttended(id, n, startsAt));
            if (n == 1 || n == sessions) {
                LocalDate day = LocalDate.ofInstant(startsAt, ZoneOffset.UTC);
                int fall = n == 1 ? 0 : random.nextInt(12) - 2;
                s.add(measure(id, Instrument.PHQ9, clamp(phq9 - fall, 27), day, n));
                s.add(measure(id, Instrument.GAD7, clamp(gad7 - fall * 2 / 3, 21), day, n));
            }
            if (n == 4) {
                s.add(new FocusAgreed(id, FOCUS, 4));
            }
        }
        if (!active) {
            LocalDate ended = LocalDate.ofInstant(first, ZoneOffset.UTC).plusDays(7L * sessions);
            s.add(new TherapyEnded(id, ended, EndReason.DROPPED_OUT));
        }
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    private static OutcomeMeasureRecorded measure(EpisodeId id, Instrument instrument, int total, LocalDate on, Integer session) {
        List<Integer> items = new ArrayList<>();
        int left = total;
        for (int i = 0; i < instrument.itemCount(); i++) {
            int item = Math.min(Instrument.MAX_ITEM, left);
            items.add(item);
            left -= item;
        }
        return new OutcomeMeasureRecorded(id, MeasureId.random(), instrument, items, total, on, session);
    }

    private final class Stream {
        private final String aggregateId;
        private long sequence;

        Stream(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void add(Object event) {
            Seeder.this.add("Episode", aggregateId, sequence++, event);
        }
    }

    private void add(String type, String aggregateId, long sequence, Object payload) {
        batch.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, SEEDED));
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> events = List.copyOf(batch);
        transaction.executeWithoutResult(status -> eventStore.publish(events));
        appended += events.size();
        batch.clear();
    }
}
