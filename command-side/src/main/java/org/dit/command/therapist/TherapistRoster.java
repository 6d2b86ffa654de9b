package org.dit.command.therapist;

import java.time.Instant;
import java.util.List;

import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;

/**
 * What a command may ask across aggregates: therapists' caseloads and diaries. The answers come from lookups that
 * {@link RosterUpdater} writes from the events, in the transaction that appends them; a check that locks the
 * therapist holds the lock until that transaction commits, so racing commands for one therapist are decided one
 * after the other, each on the lookups the previous one wrote.
 */
public interface TherapistRoster {

    /** The diary number of an episode's follow-up appointment: treatment sessions are numbered from 1. */
    int FOLLOW_UP = 0;

    /** @throws SupervisorNotQualified unless the supervisor is a registered, active, qualified therapist */
    void requireQualifiedSupervisor(TherapistId supervisorId);

    /**
     * Locks the therapist.
     *
     * @throws TherapistUnknown   unless the therapist is registered
     * @throws TherapistInactive  unless the therapist is active
     * @throws TherapistAtCapacity when the therapist's open episodes already fill the maximum caseload
     */
    void requireRoomInCaseload(TherapistId therapistId);

    /**
     * Locks the therapist. The episode's own session at that number (being moved) is no clash.
     *
     * @throws TherapistUnknown      unless the therapist is registered
     * @throws TherapistDoubleBooked when the slot overlaps another of the therapist's sessions
     */
    void requireFreeSlot(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt, Instant endsAt);

    /**
     * Locks the therapist. As {@link #requireFreeSlot}, answering instead of refusing.
     *
     * @throws TherapistUnknown unless the therapist is registered
     */
    boolean slotFree(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt, Instant endsAt);

    /** The episodes allocated to the therapist that have not ended, in episode id order. */
    List<EpisodeId> openEpisodes(TherapistId therapistId);
}
