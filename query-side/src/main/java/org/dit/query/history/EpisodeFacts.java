package org.dit.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.EpisodeClientLinked;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.CourseExtended;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.FocusRevised;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.MeasureEnteredInError;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.Phase;
import org.dit.events.episode.Priority;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionOutcomeCorrected;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;

/**
 * Everything the read models need to know about one episode, folded from its events. Immutable: each event
 * gives a new value. Read models keep it (as JSON) next to the columns they derive from it, and the audit
 * view folds it from the log up to any instant.
 *
 * @param sessions every booking in booking order, cancelled ones included
 * @param measures every recorded measure in recording order, entered-in-error ones included (flagged)
 */
public record EpisodeFacts(UUID episodeId, UUID clientId, EpisodeStatus status, Priority priority, LocalDate referredOn,
                           LocalDate waitlistedOn, LocalDate allocatedOn, UUID therapistId, int courseLength,
                           List<SessionFact> sessions, List<MeasureFact> measures, Focus focus,
                           LocalDate goodbyeLetterSharedOn, LocalDate endedOn, EndReason endReason, long lastSequence) {

    public EpisodeFacts {
        sessions = List.copyOf(sessions);
        measures = List.copyOf(measures);
    }

    public record SessionFact(int number, Instant startsAt, int durationMinutes, SessionMode mode, SessionState state) {

        SessionFact in(SessionState newState) {
            return new SessionFact(number, startsAt, durationMinutes, mode, newState);
        }

        SessionFact movedTo(Instant newStart) {
            return new SessionFact(number, newStart, durationMinutes, mode, state);
        }
    }

    public record MeasureFact(UUID measureId, Instrument instrument, int total, LocalDate recordedOn, Integer sessionNumber,
                              boolean enteredInError) {
    }

    /** The facts of an episode that does not exist yet; the first event (ClientReferred) fills them. */
    public static EpisodeFacts none(UUID episodeId) {
        return new EpisodeFacts(episodeId, null, null, null, null, null, null, null, Phase.DEFAULT_COURSE_LENGTH, List.of(),
                List.of(), null, null, null, null, -1);
    }

    public boolean exists() {
        return status != null;
    }

    /** The facts after one more event; an event at or below the last applied sequence changes nothing. */
    public EpisodeFacts apply(EpisodeEvent event, long sequence) {
        if (sequence <= lastSequence) {
            return this;
        }
        Builder next = new Builder(this, sequence);
        if (event instanceof ClientReferred e) {
            next.clientId = e.clientId().value();
            next.status = EpisodeStatus.REFERRED;
            next.priority = e.priority();
            next.referredOn = e.referredOn();
        } else if (event instanceof ClientWaitlisted e) {
            next.status = EpisodeStatus.WAITING;
            next.waitlistedOn = e.waitlistedOn();
        } else if (event instanceof TherapistAllocated e) {
            next.status = EpisodeStatus.IN_THERAPY;
            next.allocatedOn = e.allocatedOn();
            next.therapistId = e.therapistId().value();
        } else if (event instanceof SessionBooked e) {
            next.sessions.add(new SessionFact(e.sessionNumber(), e.startsAt(), e.durationMinutes(), e.mode(),
                    SessionState.BOOKED));
        } else if (event instanceof SessionRescheduled e) {
            next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.movedTo(e.startsAt()));
        } else if (event instanceof SessionCancelled e) {
            next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.in(SessionState.CANCELLED));
        } else if (event instanceof SessionAttended e) {
            next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.in(SessionState.ATTENDED));
        } else if (event instanceof SessionMissed e) {
            next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.in(SessionState.MISSED));
        } else if (event instanceof SessionOutcomeCorrected e) {
            next.replaceLive(e.sessionNumber(), state(e.previousOutcome()), s -> s.in(state(e.outcome())));
        } else if (event instanceof OutcomeMeasureRecorded e) {
            next.measures.add(new MeasureFact(e.measureId().value(), e.instrument(), e.total(), e.recordedOn(),
                    e.sessionNumber(), false));
        } else if (event instanceof MeasureEnteredInError e) {
            next.measures.replaceAll(m -> m.measureId().equals(e.measureId().value())
                    ? new MeasureFact(m.measureId(), m.instrument(), m.total(), m.recordedOn(), m.sessionNumber(), true) : m);
        } else if (event instanceof FocusAgreed e) {
            next.focus = e.focus();
        } else if (event instanceof FocusRevised e) {
            next.focus = e.focus();
        } else if (event instanceof GoodbyeLetterShared e) {
            next.goodbyeLetterSharedOn = e.sharedOn();
        } else if (event instanceof CourseExtended e) {
            next.courseLength = e.courseLength();
        } else if (event instanceof TherapyEnded e) {
            next.status = EpisodeStatus.ENDED;
            next.endedOn = e.endedOn();
            next.endReason = e.reason();
        } else if (event instanceof EpisodeClientLinked e) {
            next.clientId = e.clientId().value();
        }
        // AssessmentCompleted: suitability shows in what follows (waitlisted, or ended as not suitable)
        return next.build();
    }

    /** The same facts without the client's personal data (the focus wording), as after their erasure. */
    public EpisodeFacts withoutPersonalData() {
        return new EpisodeFacts(episodeId, clientId, status, priority, referredOn, waitlistedOn, allocatedOn, therapistId,
                courseLength, sessions, measures, null, goodbyeLetterSharedOn, endedOn, endReason, lastSequence);
    }

    /** Sessions not cancelled, in course order. */
    public List<SessionFact> liveSessions() {
        return sessions.stream().filter(s -> s.state() != SessionState.CANCELLED)
                .sorted(Comparator.comparingInt(SessionFact::number)).toList();
    }

    public List<SessionFact> attendedSessions() {
        return liveSessions().stream().filter(s -> s.state() == SessionState.ATTENDED).toList();
    }

    public long missedSessions() {
        return liveSessions().stream().filter(s -> s.state() == SessionState.MISSED).count();
    }

    public int lastAttendedNumber() {
        return attendedSessions().stream().mapToInt(SessionFact::number).max().orElse(0);
    }

    public Phase phase() {
        return Phase.of(lastAttendedNumber(), courseLength);
    }

    /** Valid measures (not entered in error) of one instrument, earliest first, as recorded up to the end of therapy. */
    public List<MeasureFact> validMeasures(Instrument instrument) {
        List<MeasureFact> valid = new ArrayList<>();
        for (MeasureFact m : measures) {
            if (m.instrument() == instrument && !m.enteredInError() && (endedOn == null || !m.recordedOn().isAfter(endedOn))) {
                valid.add(m);
            }
        }
        // stable sort: measures of the same day keep their recording order
        valid.sort(Comparator.comparing(MeasureFact::recordedOn));
        return valid;
    }

    public Optional<SessionFact> nextBookedSession() {
        return liveSessions().stream().filter(s -> s.state() == SessionState.BOOKED).findFirst();
    }

    /** The clinic date of the n-th attended session (1-based), if there was one. */
    public Optional<LocalDate> attendedSessionDate(int ordinal, ZoneId zone) {
        List<SessionFact> attended = attendedSessions();
        return attended.size() < ordinal ? Optional.empty()
                : Optional.of(LocalDate.ofInstant(attended.get(ordinal - 1).startsAt(), zone));
    }

    private static SessionState state(SessionOutcome outcome) {
        return outcome == SessionOutcome.ATTENDED ? SessionState.ATTENDED : SessionState.MISSED;
    }

    private static final class Builder {
        private final UUID episodeId;
        private UUID clientId;
        private EpisodeStatus status;
        private Priority priority;
        private LocalDate referredOn;
        private LocalDate waitlistedOn;
        private LocalDate allocatedOn;
        private UUID therapistId;
        private int courseLength;
        private final List<SessionFact> sessions;
        private final List<MeasureFact> measures;
        private Focus focus;
        private LocalDate goodbyeLetterSharedOn;
        private LocalDate endedOn;
        private EndReason endReason;
        private final long sequence;

        Builder(EpisodeFacts f, long sequence) {
            episodeId = f.episodeId;
            clientId = f.clientId;
            status = f.status;
            priority = f.priority;
            referredOn = f.referredOn;
            waitlistedOn = f.waitlistedOn;
            allocatedOn = f.allocatedOn;
            therapistId = f.therapistId;
            courseLength = f.courseLength;
            sessions = new ArrayList<>(f.sessions);
            measures = new ArrayList<>(f.measures);
            focus = f.focus;
            goodbyeLetterSharedOn = f.goodbyeLetterSharedOn;
            endedOn = f.endedOn;
            endReason = f.endReason;
            this.sequence = sequence;
        }

        /** Changes the session that holds this number in the given state (a cancelled number may be held again later). */
        void replaceLive(int number, SessionState current, java.util.function.UnaryOperator<SessionFact> change) {
            for (int i = sessions.size() - 1; i >= 0; i--) {
                SessionFact s = sessions.get(i);
                if (s.number() == number && s.state() == current) {
                    sessions.set(i, change.apply(s));
                    return;
                }
            }
        }

        EpisodeFacts build() {
            return new EpisodeFacts(episodeId, clientId, status, priority, referredOn, waitlistedOn, allocatedOn, therapistId,
                    courseLength, sessions, measures, focus, goodbyeLetterSharedOn, endedOn, endReason, sequence);
        }
    }
}
