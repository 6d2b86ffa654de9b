package org.dit.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One therapist's commitments in the demo plan, mirroring the two cross-episode rules of the command side: an
 * episode holds a place in the caseload from allocation to ending, and a fixed weekly slot for the same time, so
 * the episodes of one therapist never double-book. Rescheduled sessions move to spare hours no weekly slot uses.
 * Checks look at the whole held interval, so the order in which episodes are planned does not matter.
 */
final class Diary {

    record Slot(DayOfWeek day, LocalTime time) {
    }

    /** A place in the caseload and a weekly slot, from the allocation up to the ending (null: still held). */
    private record Hold(Instant from, Instant until, Slot slot) {

        boolean covers(Instant t) {
            return !from.isAfter(t) && (until == null || t.isBefore(until));
        }

        boolean overlaps(Instant otherFrom, Instant otherUntil) {
            return (otherUntil == null || from.isBefore(otherUntil)) && (until == null || otherFrom.isBefore(until));
        }
    }

    static final List<LocalTime> WEEKLY_HOURS = List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0),
            LocalTime.of(12, 0), LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0), LocalTime.of(17, 0));
    static final List<LocalTime> SPARE_HOURS = List.of(LocalTime.of(13, 0), LocalTime.of(18, 0));

    private final DemoTherapist therapist;
    private final List<Slot> slots;
    private final List<Hold> holds = new ArrayList<>();
    private final Set<Instant> spareTimes = new HashSet<>();

    Diary(DemoTherapist therapist, Random random) {
        this.therapist = therapist;
        List<Slot> all = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            for (LocalTime time : WEEKLY_HOURS) {
                all.add(new Slot(day, time));
            }
        }
        Collections.shuffle(all, random);
        this.slots = List.copyOf(all);
    }

    DemoTherapist therapist() {
        return therapist;
    }

    /** Every weekly slot, in this therapist's order of preference. */
    List<Slot> slots() {
        return slots;
    }

    int activeAt(Instant t) {
        return (int) holds.stream().filter(h -> h.covers(t)).count();
    }

    double utilisationAt(Instant t) {
        return (double) activeAt(t) / therapist.maxCaseload();
    }

    boolean slotFreeAt(Slot slot, Instant t) {
        return holds.stream().noneMatch(h -> h.slot().equals(slot) && h.covers(t));
    }

    /** Whether one more episode fits the caseload throughout [from, until) and the slot is free for all of it. */
    boolean canHold(Instant from, Instant until, Slot slot) {
        if (holds.stream().anyMatch(h -> h.slot().equals(slot) && h.overlaps(from, until))) {
            return false;
        }
        List<Instant> peaks = new ArrayList<>(List.of(from));
        holds.stream().map(Hold::from)
                .filter(f -> f.isAfter(from) && (until == null || f.isBefore(until)))
                .forEach(peaks::add);
        return peaks.stream().allMatch(p -> activeAt(p) < therapist.maxCaseload());
    }

    void hold(Instant from, Instant until, Slot slot, List<Instant> spares) {
        holds.add(new Hold(from, until, slot));
        spareTimes.addAll(spares);
    }

    boolean spareFree(Instant t) {
        return !spareTimes.contains(t);
    }
}
