package org.dit.command.episode;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dit.command.InvalidInput;
import org.dit.command.therapist.TherapistRoster;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.TherapistId;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.CourseExtended;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.FocusRevised;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.MeasureEnteredInError;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.Phase;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionOutcomeCorrected;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;

/**
 * One episode of care, from referral to the end of therapy. Command handlers check the rules of DESIGN §2 and
 * apply events; event sourcing handlers only set state.
 */
@Aggregate(cache = "aggregateCache")
class Episode {

    static final int MAX_SESSION_MINUTES = 240;
    /**
     * Clinical dates and session times lie within four-digit years: beyond them a date is a typing error or hostile,
     * and would overflow Instant arithmetic or PostgreSQL's date range in the lookups and read models.
     */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final Instant EARLIEST_START = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant LATEST_START = Instant.parse("9999-12-31T00:00:00Z");

    @AggregateIdentifier
    private EpisodeId episodeId;
    private EpisodeStatus status;
    private LocalDate referredOn;
    private boolean assessed;
    private TherapistId therapistId;
    private int courseLength;
    /** Live sessions (booked, attended or missed) by number; a cancelled session's number is free again. */
    private final NavigableMap<Integer, Session> sessions = new TreeMap<>();
    private Focus focus;
    private boolean goodbyeLetterShared;
    private final Map<MeasureId, Boolean> measuresEnteredInError = new HashMap<>();

    Episode() {
    }

    @CommandHandler
    Episode(ReferClient command, Clock clock) {
        InvalidInput.require("clientId", command.clientId());
        String source = InvalidInput.requireText("referralSource", command.referralSource());
        InvalidInput.require("presentingProblem", command.presentingProblem());
        InvalidInput.require("priority", command.priority());
        notInFuture("referredOn", command.referredOn(), clock);
        apply(new ClientReferred(command.episodeId(), command.clientId(), source, command.referredOn(),
                command.presentingProblem(), command.priority()));
    }

    @CommandHandler
    void handle(RecordAssessment command, Clock clock) {
        if (assessed) {
            throw new AlreadyAssessed("episode " + episodeId + " was assessed already");
        }
        if (status != EpisodeStatus.REFERRED) {
            throw new EpisodeNotReferred("episode " + episodeId + " is " + status);
        }
        Boolean suitable = InvalidInput.require("suitable", command.suitable());
        LocalDate assessedOn = onOrAfterReferral("assessedOn", command.assessedOn(), clock);
        int phq9 = total(Instrument.PHQ9, "phq9", command.phq9());
        int gad7 = total(Instrument.GAD7, "gad7", command.gad7());
        MeasureId phq9Id = InvalidInput.require("phq9MeasureId", command.phq9MeasureId());
        MeasureId gad7Id = InvalidInput.require("gad7MeasureId", command.gad7MeasureId());
        apply(new AssessmentCompleted(episodeId, assessedOn, suitable, blankToNull(command.notes())));
        apply(new OutcomeMeasureRecorded(episodeId, phq9Id, Instrument.PHQ9, command.phq9(), phq9, assessedOn, null));
        apply(new OutcomeMeasureRecorded(episodeId, gad7Id, Instrument.GAD7, command.gad7(), gad7, assessedOn, null));
        if (suitable) {
            apply(new ClientWaitlisted(episodeId, assessedOn));
        } else {
            apply(new TherapyEnded(episodeId, assessedOn, EndReason.NOT_SUITABLE));
        }
    }

    @CommandHandler
    void handle(AllocateTherapist command, TherapistRoster roster, Clock clock) {
        if (status != EpisodeStatus.WAITING) {
            throw new EpisodeNotWaiting("episode " + episodeId + " is " + status);
        }
        TherapistId therapist = InvalidInput.require("therapistId", command.therapistId());
        LocalDate allocatedOn = onOrAfterReferral("allocatedOn", command.allocatedOn(), clock);
        roster.allocate(therapist, episodeId);
        apply(new TherapistAllocated(episodeId, therapist, allocatedOn));
    }

    @CommandHandler
    int handle(BookSession command, TherapistRoster roster) {
        requireInTherapy();
        Instant startsAt = sessionStart(command.startsAt());
        int duration = duration(command.durationMinutes());
        InvalidInput.require("mode", command.mode());
        if (sessions.size() >= courseLength) {
            throw new CourseFull("all " + courseLength + " sessions of the course are booked or held");
        }
        int number = lowestFreeNumber();
        Instant endsAt = startsAt.plusSeconds(duration * 60L);
        requireInOrder(number, startsAt, endsAt);
        roster.reserve(therapistId, episodeId, number, startsAt, endsAt);
        apply(new SessionBooked(episodeId, number, therapistId, startsAt, duration, command.mode()));
        return number;
    }

    @CommandHandler
    void handle(RescheduleSession command, TherapistRoster roster) {
        Session session = booked(command.sessionNumber());
        Instant startsAt = sessionStart(command.startsAt());
        Instant endsAt = startsAt.plusSeconds(session.durationMinutes() * 60L);
        requireInOrder(command.sessionNumber(), startsAt, endsAt);
        roster.move(therapistId, episodeId, command.sessionNumber(), startsAt, endsAt);
        apply(new SessionRescheduled(episodeId, command.sessionNumber(), session.startsAt(), startsAt));
    }

    @CommandHandler
    void handle(CancelSession command, TherapistRoster roster) {
        booked(command.sessionNumber());
        CancelledBy cancelledBy = InvalidInput.require("cancelledBy", command.cancelledBy());
        roster.free(episodeId, command.sessionNumber());
        apply(new SessionCancelled(episodeId, command.sessionNumber(), cancelledBy, blankToNull(command.reason())));
    }

    @CommandHandler
    void handle(RecordAttendance command, Clock clock) {
        int number = command.sessionNumber();
        Session session = booked(number);
        for (int earlier = 1; earlier < number; earlier++) {
            Session previous = sessions.get(earlier);
            if (previous == null || previous.state() == SessionState.BOOKED) {
                throw new EarlierSessionUnresolved("session " + earlier + " is "
                        + (previous == null ? "not booked" : "still booked") + "; record it before session " + number);
            }
        }
        if (number > Phase.LAST_INITIAL_SESSION && focus == null) {
            throw new FocusNotAgreed("session " + number + " is in the middle phase but no IPAF focus has been agreed");
        }
        requireStarted(session, clock);
        Integer phq9 = command.phq9() == null ? null : total(Instrument.PHQ9, "phq9", command.phq9());
        Integer gad7 = command.gad7() == null ? null : total(Instrument.GAD7, "gad7", command.gad7());
        MeasureId phq9Id = phq9 == null ? null : InvalidInput.require("phq9MeasureId", command.phq9MeasureId());
        MeasureId gad7Id = gad7 == null ? null : InvalidInput.require("gad7MeasureId", command.gad7MeasureId());
        LocalDate sessionDate = LocalDate.ofInstant(session.startsAt(), clock.getZone());
        apply(new SessionAttended(episodeId, number, session.startsAt()));
        if (phq9 != null) {
            apply(new OutcomeMeasureRecorded(episodeId, phq9Id, Instrument.PHQ9, command.phq9(), phq9, sessionDate, number));
        }
        if (gad7 != null) {
            apply(new OutcomeMeasureRecorded(episodeId, gad7Id, Instrument.GAD7, command.gad7(), gad7, sessionDate, number));
        }
    }

    @CommandHandler
    void handle(RecordMissedSession command, Clock clock) {
        Session session = booked(command.sessionNumber());
        requireStarted(session, clock);
        apply(new SessionMissed(episodeId, command.sessionNumber(), session.startsAt()));
    }

    @CommandHandler
    void handle(CorrectSessionOutcome command) {
        SessionOutcome outcome = InvalidInput.require("outcome", command.outcome());
        String reason = InvalidInput.requireText("reason", command.reason());
        Session session = sessions.get(command.sessionNumber());
        if (session == null || session.state() == SessionState.BOOKED) {
            throw new NothingToCorrect("session " + command.sessionNumber() + " has no recorded outcome");
        }
        SessionOutcome previous = session.state() == SessionState.ATTENDED ? SessionOutcome.ATTENDED : SessionOutcome.MISSED;
        if (previous == outcome) {
            throw new NothingToCorrect("session " + command.sessionNumber() + " is already recorded as " + outcome);
        }
        apply(new SessionOutcomeCorrected(episodeId, command.sessionNumber(), previous, outcome, reason));
    }

    @CommandHandler
    void handle(AgreeFocus command) {
        requireNotEnded();
        Focus proposed = InvalidInput.require("focus", command.focus());
        Focus cleaned = new Focus(InvalidInput.requireText("selfRepresentation", proposed.selfRepresentation()),
                InvalidInput.requireText("otherRepresentation", proposed.otherRepresentation()),
                InvalidInput.requireText("affect", proposed.affect()),
                InvalidInput.requireText("defensiveFunction", proposed.defensiveFunction()));
        int lastAttended = lastAttended();
        if (lastAttended == 0) {
            throw new NoSessionAttended("the focus is formulated in the initial sessions; none has been attended yet");
        }
        if (phase() == Phase.ENDING) {
            throw new EndingPhaseReached("the ending phase has been reached (session " + lastAttended + " of " + courseLength
                    + "); the focus can no longer be agreed or revised");
        }
        if (focus == null) {
            apply(new FocusAgreed(episodeId, cleaned, lastAttended));
            return;
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RevisionReasonRequired("a focus is already agreed; revising it needs a reason");
        }
        apply(new FocusRevised(episodeId, cleaned, command.reason().strip(), lastAttended));
    }

    @CommandHandler
    void handle(RecordOutcomeMeasure command, Clock clock) {
        Instrument instrument = InvalidInput.require("instrument", command.instrument());
        int total = total(instrument, "items", command.items());
        requireNotEnded();
        LocalDate recordedOn = onOrAfterReferral("recordedOn", command.recordedOn(), clock);
        apply(new OutcomeMeasureRecorded(episodeId, InvalidInput.require("measureId", command.measureId()), instrument,
                command.items(), total, recordedOn, null));
    }

    @CommandHandler
    void handle(MarkMeasureEnteredInError command) {
        String reason = InvalidInput.requireText("reason", command.reason());
        Boolean enteredInError = measuresEnteredInError.get(command.measureId());
        if (enteredInError == null) {
            throw new NothingToCorrect("no measure " + command.measureId() + " in episode " + episodeId);
        }
        if (enteredInError) {
            throw new NothingToCorrect("measure " + command.measureId() + " is already marked as entered in error");
        }
        apply(new MeasureEnteredInError(episodeId, command.measureId(), reason));
    }

    @CommandHandler
    void handle(ShareGoodbyeLetter command, Clock clock) {
        requireNotEnded();
        if (phase() != Phase.ENDING) {
            throw new EndingPhaseNotReached("the goodbye letter belongs to the ending phase (from session "
                    + (courseLength - Phase.ENDING_SESSIONS + 1) + "); the last attended session is " + lastAttended());
        }
        if (goodbyeLetterShared) {
            throw new GoodbyeLetterAlreadyShared("the goodbye letter of episode " + episodeId + " was shared already");
        }
        LocalDate sharedOn = onOrAfterReferral("sharedOn", command.sharedOn(), clock);
        apply(new GoodbyeLetterShared(episodeId, sharedOn));
    }

    @CommandHandler
    void handle(ExtendCourse command) {
        if (command.additionalSessions() < 1) {
            throw new InvalidInput("additionalSessions", "must be at least 1");
        }
        String approvedBy = InvalidInput.requireText("approvedBy", command.approvedBy());
        String reason = InvalidInput.requireText("reason", command.reason());
        requireNotEnded();
        int extended = courseLength + command.additionalSessions();
        if (extended > Phase.MAX_COURSE_LENGTH) {
            throw new CourseLengthExceeded("the course has " + courseLength + " sessions; " + command.additionalSessions()
                    + " more would make " + extended + ", over the limit of " + Phase.MAX_COURSE_LENGTH);
        }
        apply(new CourseExtended(episodeId, command.additionalSessions(), extended, approvedBy, reason));
    }

    @CommandHandler
    void handle(EndTherapy command, TherapistRoster roster, Clock clock) {
        EndReason reason = InvalidInput.require("reason", command.reason());
        requireNotEnded();
        LocalDate endedOn = onOrAfterReferral("endedOn", command.endedOn(), clock);
        if (reason == EndReason.COMPLETED && (phase() != Phase.ENDING || !goodbyeLetterShared)) {
            throw new CompletionRequirementsNotMet("a COMPLETED ending needs the ending phase (now " + phase()
                    + ") and a shared goodbye letter (" + (goodbyeLetterShared ? "shared" : "not shared") + ")");
        }
        List<Integer> open = sessions.entrySet().stream()
                .filter(e -> e.getValue().state() == SessionState.BOOKED)
                .map(Map.Entry::getKey)
                .toList();
        if (therapistId != null) {
            roster.release(episodeId);
        }
        open.forEach(number -> roster.free(episodeId, number));
        apply(new TherapyEnded(episodeId, endedOn, reason));
        open.forEach(number -> apply(new SessionCancelled(episodeId, number, CancelledBy.SERVICE, "therapy ended")));
    }

    @EventSourcingHandler
    void on(ClientReferred event) {
        episodeId = event.episodeId();
        status = EpisodeStatus.REFERRED;
        referredOn = event.referredOn();
        courseLength = Phase.DEFAULT_COURSE_LENGTH;
    }

    @EventSourcingHandler
    void on(AssessmentCompleted event) {
        assessed = true;
    }

    @EventSourcingHandler
    void on(ClientWaitlisted event) {
        status = EpisodeStatus.WAITING;
    }

    @EventSourcingHandler
    void on(TherapistAllocated event) {
        status = EpisodeStatus.IN_THERAPY;
        therapistId = event.therapistId();
    }

    @EventSourcingHandler
    void on(SessionBooked event) {
        sessions.put(event.sessionNumber(), new Session(event.startsAt(), event.durationMinutes(), SessionState.BOOKED));
    }

    @EventSourcingHandler
    void on(SessionRescheduled event) {
        sessions.computeIfPresent(event.sessionNumber(), (n, s) -> s.movedTo(event.startsAt()));
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        sessions.remove(event.sessionNumber());
    }

    @EventSourcingHandler
    void on(SessionAttended event) {
        sessions.computeIfPresent(event.sessionNumber(), (n, s) -> s.in(SessionState.ATTENDED));
    }

    @EventSourcingHandler
    void on(SessionMissed event) {
        sessions.computeIfPresent(event.sessionNumber(), (n, s) -> s.in(SessionState.MISSED));
    }

    @EventSourcingHandler
    void on(SessionOutcomeCorrected event) {
        SessionState corrected = event.outcome() == SessionOutcome.ATTENDED ? SessionState.ATTENDED : SessionState.MISSED;
        sessions.computeIfPresent(event.sessionNumber(), (n, s) -> s.in(corrected));
    }

    @EventSourcingHandler
    void on(OutcomeMeasureRecorded event) {
        measuresEnteredInError.put(event.measureId(), false);
    }

    @EventSourcingHandler
    void on(MeasureEnteredInError event) {
        measuresEnteredInError.put(event.measureId(), true);
    }

    @EventSourcingHandler
    void on(FocusAgreed event) {
        focus = event.focus();
    }

    @EventSourcingHandler
    void on(FocusRevised event) {
        focus = event.focus();
    }

    @EventSourcingHandler
    void on(GoodbyeLetterShared event) {
        goodbyeLetterShared = true;
    }

    @EventSourcingHandler
    void on(CourseExtended event) {
        courseLength = event.courseLength();
    }

    @EventSourcingHandler
    void on(TherapyEnded event) {
        status = EpisodeStatus.ENDED;
    }

    private Phase phase() {
        return Phase.of(lastAttended(), courseLength);
    }

    private int lastAttended() {
        return sessions.descendingMap().entrySet().stream()
                .filter(e -> e.getValue().state() == SessionState.ATTENDED)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(0);
    }

    private int lowestFreeNumber() {
        int number = 1;
        while (sessions.containsKey(number)) {
            number++;
        }
        return number;
    }

    /** Sessions are numbered in time: each ends before the next one starts. */
    private void requireInOrder(int number, Instant startsAt, Instant endsAt) {
        Map.Entry<Integer, Session> before = sessions.lowerEntry(number);
        if (before != null && startsAt.isBefore(before.getValue().endsAt())) {
            throw new SessionOutOfOrder("session " + number + " would start at " + startsAt + ", before session "
                    + before.getKey() + " (" + before.getValue().startsAt() + ") has ended");
        }
        Map.Entry<Integer, Session> after = sessions.higherEntry(number);
        if (after != null && endsAt.isAfter(after.getValue().startsAt())) {
            throw new SessionOutOfOrder("session " + number + " would end at " + endsAt + ", after session "
                    + after.getKey() + " starts (" + after.getValue().startsAt() + ")");
        }
    }

    private Session booked(int number) {
        Session session = sessions.get(number);
        if (session == null || session.state() != SessionState.BOOKED) {
            throw new SessionNotBooked("session " + number + " of episode " + episodeId + " is "
                    + (session == null ? "not booked" : session.state()));
        }
        return session;
    }

    private void requireStarted(Session session, Clock clock) {
        if (session.startsAt().isAfter(clock.instant())) {
            throw new SessionInFuture("the session starts at " + session.startsAt() + "; its outcome can be recorded from then");
        }
    }

    private void requireInTherapy() {
        if (status != EpisodeStatus.IN_THERAPY) {
            throw new EpisodeNotInTherapy("episode " + episodeId + " is " + status);
        }
    }

    private void requireNotEnded() {
        if (status == EpisodeStatus.ENDED) {
            throw new EpisodeEnded("episode " + episodeId + " has ended");
        }
    }

    private LocalDate onOrAfterReferral(String field, LocalDate date, Clock clock) {
        notInFuture(field, date, clock);
        if (date.isBefore(referredOn)) {
            throw new DateBeforeReferral(field + " " + date + " is before the referral on " + referredOn);
        }
        return date;
    }

    private static void notInFuture(String field, LocalDate date, Clock clock) {
        InvalidInput.require(field, date);
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput(field, "is in the future");
        }
        if (date.isBefore(EARLIEST_DATE)) {
            throw new InvalidInput(field, "is before " + EARLIEST_DATE);
        }
    }

    private static Instant sessionStart(Instant startsAt) {
        InvalidInput.require("startsAt", startsAt);
        if (startsAt.isBefore(EARLIEST_START) || startsAt.isAfter(LATEST_START)) {
            throw new InvalidInput("startsAt", "must be between " + EARLIEST_START + " and " + LATEST_START);
        }
        return startsAt;
    }

    private static int total(Instrument instrument, String field, List<Integer> items) {
        String invalid = instrument.invalidItems(items);
        if (invalid != null) {
            throw new InvalidInput(field, invalid);
        }
        return instrument.total(items);
    }

    private static int duration(int minutes) {
        if (minutes < 1 || minutes > MAX_SESSION_MINUTES) {
            throw new InvalidInput("durationMinutes", "must be between 1 and " + MAX_SESSION_MINUTES);
        }
        return minutes;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Session(Instant startsAt, int durationMinutes, SessionState state) {

        Instant endsAt() {
            return startsAt.plusSeconds(durationMinutes * 60L);
        }

        Session movedTo(Instant newStart) {
            return new Session(newStart, durationMinutes, state);
        }

        Session in(SessionState newState) {
            return new Session(startsAt, durationMinutes, newState);
        }
    }
}
