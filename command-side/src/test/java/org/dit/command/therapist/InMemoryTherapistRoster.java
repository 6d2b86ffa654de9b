package org.dit.command.therapist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.therapist.Accreditation;

/**
 * {@link TherapistRoster} in memory, refusing exactly where {@link JdbcTherapistRoster} does. Its writes are the ones
 * {@link RosterUpdater} makes from events; a test calls them directly to set up other episodes and therapists.
 */
public class InMemoryTherapistRoster implements TherapistRoster, RosterWriter {

    private final Map<TherapistId, Entry> therapists = new HashMap<>();
    private final Map<EpisodeId, Allocation> caseload = new HashMap<>();
    private final List<Slot> slots = new ArrayList<>();
    private final Map<EpisodeId, EpisodeStatus> stages = new HashMap<>();

    @Override
    public void deactivate(TherapistId therapistId) {
        therapists.computeIfPresent(therapistId, (id, t) -> new Entry(t.accreditation(), t.maxCaseload(), false));
    }

    @Override
    public void changeMaxCaseload(TherapistId therapistId, int maxCaseload) {
        therapists.computeIfPresent(therapistId, (id, t) -> new Entry(t.accreditation(), maxCaseload, t.active()));
    }

    @Override
    public void reassign(EpisodeId episodeId, TherapistId therapistId, List<Integer> sessionNumbers) {
        caseload.computeIfPresent(episodeId, (id, a) -> new Allocation(therapistId, a.ended()));
        slots.replaceAll(s -> s.episodeId().equals(episodeId) && sessionNumbers.contains(s.sessionNumber())
                ? new Slot(episodeId, s.sessionNumber(), therapistId, s.startsAt(), s.endsAt()) : s);
    }

    /** The therapist whose diary holds the episode's session, or null. */
    public TherapistId slotHolder(EpisodeId episodeId, int sessionNumber) {
        return slots.stream().filter(s -> s.is(episodeId, sessionNumber)).map(Slot::therapistId).findFirst().orElse(null);
    }

    public boolean isRegistered(TherapistId therapistId) {
        return therapists.containsKey(therapistId);
    }

    /** Episodes allocated to the therapist and not ended. */
    public long caseload(TherapistId therapistId) {
        return caseload.values().stream().filter(a -> a.therapistId().equals(therapistId) && !a.ended()).count();
    }

    /** Whether the episode's session holds a slot in its therapist's diary. */
    public boolean holds(EpisodeId episodeId, int sessionNumber) {
        return slots.stream().anyMatch(s -> s.is(episodeId, sessionNumber));
    }

    /** When the episode's session's slot starts and ends, if it holds one. */
    public List<Instant> slotOf(EpisodeId episodeId, int sessionNumber) {
        return slots.stream().filter(s -> s.is(episodeId, sessionNumber)).findFirst()
                .map(s -> List.of(s.startsAt(), s.endsAt())).orElse(List.of());
    }

    @Override
    public void requireQualifiedSupervisor(TherapistId supervisorId) {
        Entry supervisor = therapists.get(supervisorId);
        if (supervisor == null || !supervisor.active() || supervisor.accreditation() != Accreditation.QUALIFIED) {
            throw new SupervisorNotQualified("supervisor " + supervisorId + " is not a registered, active, qualified therapist");
        }
    }

    @Override
    public void requireRoomInCaseload(TherapistId therapistId) {
        Entry therapist = registered(therapistId);
        if (!therapist.active()) {
            throw new TherapistInactive("therapist " + therapistId + " is not active");
        }
        long active = caseload(therapistId);
        if (active >= therapist.maxCaseload()) {
            throw new TherapistAtCapacity("therapist " + therapistId + " already holds " + active + " of "
                    + therapist.maxCaseload() + " episodes");
        }
    }

    @Override
    public void requireFreeSlot(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt,
                                Instant endsAt) {
        clash(therapistId, episodeId, sessionNumber, startsAt, endsAt).ifPresent(clash -> {
            throw new TherapistDoubleBooked("therapist " + therapistId + " already has a session at " + clash.startsAt());
        });
    }

    @Override
    public boolean slotFree(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt,
                            Instant endsAt) {
        return clash(therapistId, episodeId, sessionNumber, startsAt, endsAt).isEmpty();
    }

    private java.util.Optional<Slot> clash(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt,
                                           Instant endsAt) {
        registered(therapistId);
        return slots.stream()
                .filter(s -> s.therapistId().equals(therapistId) && !s.is(episodeId, sessionNumber))
                .filter(s -> s.startsAt().isBefore(endsAt) && s.endsAt().isAfter(startsAt))
                .findFirst();
    }

    @Override
    public List<EpisodeId> openEpisodes(TherapistId therapistId) {
        return caseload.entrySet().stream()
                .filter(e -> e.getValue().therapistId().equals(therapistId) && !e.getValue().ended())
                .map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(EpisodeId::toString))
                .toList();
    }

    private Entry registered(TherapistId therapistId) {
        Entry therapist = therapists.get(therapistId);
        if (therapist == null) {
            throw new TherapistUnknown("therapist " + therapistId + " is not registered");
        }
        return therapist;
    }

    @Override
    public void register(TherapistId therapistId, Accreditation accreditation, int maxCaseload) {
        therapists.put(therapistId, new Entry(accreditation, maxCaseload, true));
    }

    @Override
    public void allocate(TherapistId therapistId, EpisodeId episodeId) {
        caseload.put(episodeId, new Allocation(therapistId, false));
    }

    @Override
    public void release(EpisodeId episodeId) {
        caseload.computeIfPresent(episodeId, (id, a) -> new Allocation(a.therapistId(), true));
    }

    @Override
    public void reserve(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt, Instant endsAt) {
        slots.add(new Slot(episodeId, sessionNumber, therapistId, startsAt, endsAt));
    }

    @Override
    public void move(EpisodeId episodeId, int sessionNumber, Instant startsAt) {
        slots.replaceAll(s -> s.is(episodeId, sessionNumber)
                ? new Slot(episodeId, sessionNumber, s.therapistId(), startsAt,
                        startsAt.plus(Duration.between(s.startsAt(), s.endsAt())))
                : s);
    }

    @Override
    public void free(EpisodeId episodeId, int sessionNumber) {
        slots.removeIf(s -> s.is(episodeId, sessionNumber));
    }

    @Override
    public void stage(EpisodeId episodeId, EpisodeStatus status) {
        stages.put(episodeId, status);
    }

    /** The stage the episode's events have reached, or null before its referral. */
    public EpisodeStatus stageOf(EpisodeId episodeId) {
        return stages.get(episodeId);
    }

    @Override
    public void clear() {
        stages.clear();
        slots.clear();
        caseload.clear();
        therapists.clear();
    }

    private record Entry(Accreditation accreditation, int maxCaseload, boolean active) {
    }

    private record Allocation(TherapistId therapistId, boolean ended) {
    }

    private record Slot(EpisodeId episodeId, int sessionNumber, TherapistId therapistId, Instant startsAt, Instant endsAt) {

        boolean is(EpisodeId episode, int number) {
            return episodeId.equals(episode) && sessionNumber == number;
        }
    }
}
