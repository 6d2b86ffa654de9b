package org.dit.command.therapist;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.FollowUpBooked;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapistReassigned;
import org.dit.events.episode.TherapyEnded;
import org.dit.events.therapist.TherapistDeactivated;
import org.dit.events.therapist.TherapistMaxCaseloadChanged;
import org.dit.events.therapist.TherapistRegistered;
import org.springframework.stereotype.Component;

/**
 * Keeps the roster's lookups (therapists, caseloads, diaries, and each episode's stage) from the events alone, so that they can be rebuilt from the log ({@link RosterRebuild}).
 * Its processor must be a subscribing one whose handler errors propagate: it then runs in the unit of work that
 * publishes the events, right after they are appended and in the same transaction, and a failed write rolls the
 * command back with its events.
 */
@Component
@ProcessingGroup(RosterUpdater.PROCESSING_GROUP)
public final class RosterUpdater {

    public static final String PROCESSING_GROUP = "therapist-roster";

    private final RosterWriter roster;

    RosterUpdater(RosterWriter roster) {
        this.roster = roster;
    }

    @EventHandler
    void on(TherapistRegistered event) {
        roster.register(event.therapistId(), event.accreditation(), event.maxCaseload());
    }

    @EventHandler
    void on(TherapistMaxCaseloadChanged event) {
        roster.changeMaxCaseload(event.therapistId(), event.maxCaseload());
    }

    @EventHandler
    void on(TherapistDeactivated event) {
        roster.deactivate(event.therapistId());
    }

    /** The bookings the new therapist could not take are freed by the SessionCancelled events that follow. */
    @EventHandler
    void on(TherapistReassigned event) {
        roster.reassign(event.episodeId(), event.therapistId(), event.movedSessions());
    }

    @EventHandler
    void on(ClientReferred event) {
        roster.stage(event.episodeId(), EpisodeStatus.REFERRED);
    }

    @EventHandler
    void on(ClientWaitlisted event) {
        roster.stage(event.episodeId(), EpisodeStatus.WAITING);
    }

    @EventHandler
    void on(TherapistAllocated event) {
        roster.allocate(event.therapistId(), event.episodeId());
        roster.stage(event.episodeId(), EpisodeStatus.IN_THERAPY);
    }

    /** The open sessions' slots are freed by the SessionCancelled events that follow. */
    @EventHandler
    void on(TherapyEnded event) {
        roster.release(event.episodeId());
        roster.stage(event.episodeId(), EpisodeStatus.ENDED);
    }

    @EventHandler
    void on(SessionBooked event) {
        roster.reserve(event.therapistId(), event.episodeId(), event.sessionNumber(), event.startsAt(),
                event.startsAt().plusSeconds(event.durationMinutes() * 60L));
    }

    @EventHandler
    void on(FollowUpBooked event) {
        roster.reserve(event.therapistId(), event.episodeId(), TherapistRoster.FOLLOW_UP, event.startsAt(),
                event.startsAt().plusSeconds(event.durationMinutes() * 60L));
    }

    @EventHandler
    void on(SessionRescheduled event) {
        roster.move(event.episodeId(), event.sessionNumber(), event.startsAt());
    }

    @EventHandler
    void on(SessionCancelled event) {
        roster.free(event.episodeId(), event.sessionNumber());
    }
}
