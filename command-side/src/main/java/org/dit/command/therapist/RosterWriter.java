package org.dit.command.therapist;

import java.time.Instant;
import java.util.List;

import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.therapist.Accreditation;

/** The lookups' writes, made only by {@link RosterUpdater} from events: live, or replayed by {@link RosterRebuild}. */
interface RosterWriter {

    void register(TherapistId therapistId, Accreditation accreditation, int maxCaseload);

    void changeMaxCaseload(TherapistId therapistId, int maxCaseload);

    /** Refuses the therapist new allocations from now on. */
    void deactivate(TherapistId therapistId);

    /** Takes one place in the therapist's caseload. */
    void allocate(TherapistId therapistId, EpisodeId episodeId);

    /** Moves the episode's place to another therapist, with the slots of the given sessions. */
    void reassign(EpisodeId episodeId, TherapistId therapistId, List<Integer> sessionNumbers);

    /** Gives the episode's place in its therapist's caseload back; nothing when it never had one. */
    void release(EpisodeId episodeId);

    /** Holds the slot of a booked session in the therapist's diary. */
    void reserve(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt, Instant endsAt);

    /** Moves a held slot to a new start, keeping its length. */
    void move(EpisodeId episodeId, int sessionNumber, Instant startsAt);

    void free(EpisodeId episodeId, int sessionNumber);

    /** Records the stage the episode has reached. */
    void stage(EpisodeId episodeId, EpisodeStatus status);

    /** Empties every lookup, keeping out other writers until the caller's transaction ends. */
    void clear();
}
