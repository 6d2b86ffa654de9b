package org.dit.command.therapist;

import java.time.Instant;

import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;

/**
 * The command side's view across aggregates: therapists' caseloads and diaries. Every method runs in the
 * transaction of the command that calls it, so a check and the events it allows commit together or not at all.
 */
public interface TherapistRoster {

    void register(TherapistId therapistId, Accreditation accreditation, int maxCaseload);

    /** @throws SupervisorNotQualified unless the supervisor is a registered, active, qualified therapist */
    void requireQualifiedSupervisor(TherapistId supervisorId);

    /** Takes one place in the therapist's caseload. */
    void allocate(TherapistId therapistId, EpisodeId episodeId);

    /** Gives the episode's place in its therapist's caseload back. */
    void release(EpisodeId episodeId);

    /** Holds the slot for the session, or refuses when it overlaps another of the therapist's sessions. */
    void reserve(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt, Instant endsAt);

    /** Moves a held slot, with the same overlap check. */
    void move(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt, Instant endsAt);

    void free(EpisodeId episodeId, int sessionNumber);
}
