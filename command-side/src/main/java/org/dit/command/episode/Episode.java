package org.dit.command.episode;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.dit.command.client.ClientRegistry;
import org.dit.command.client.LinkEpisodeToClient;
import org.dit.command.therapist.TherapistRoster;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.RiskAssessmentId;
import org.dit.events.TherapistId;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.CourseExtended;
import org.dit.events.episode.CourseShortened;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeClientLinked;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FollowUpAttended;
import org.dit.events.episode.FollowUpBooked;
import org.dit.events.episode.FollowUpMeasureRecorded;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.FocusRevised;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.MeasureEnteredInError;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.Phase;
import org.dit.events.episode.RiskAssessed;
import org.dit.events.episode.RiskIndicated;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionNoteWritten;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionOutcomeCorrected;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapistReassigned;
import org.dit.events.episode.TherapyEnded;

/**
 * One episode of care, from referral to the end of therapy. Each command handler asks {@link EpisodePolicy} for the
 * rules of docs/design.md §2 that the command is subject to, and the {@link TherapistRoster} for those that span episodes (a
 * therapist's caseload and diary), then applies events; event sourcing handlers only set state. The roster's lookups
 * follow from the events, so a handler never writes them.
 */
@Aggregate(cache = "aggregateCache")
class Episode {

    @AggregateIdentifier
    private EpisodeId episodeId;
    private ClientId clientId;
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
    private LocalDate endedOn;
    /** The follow-up appointment after the ending (booked or attended), or null. */
    private Session followUp;

    Episode() {
    }

    @CommandHandler
    Episode(ReferClient command, Clock clock, ClientRegistry clients) {
        InvalidInput.require("clientId", command.clientId());
        String source = InvalidInput.requireText("referralSource", command.referralSource());
        InvalidInput.require("presentingProblem", command.presentingProblem());
        InvalidInput.require("priority", command.priority());
        EpisodePolicy.requireNotInFuture("referredOn", command.referredOn(), clock);
        clients.requireReferable(command.clientId());
        apply(new ClientReferred(command.episodeId(), command.clientId(), source, command.referredOn(),
                command.presentingProblem(), command.priority()));
    }

    @CommandHandler
    void handle(RecordAssessment command, Clock clock) {
        EpisodePolicy policy = policy();
        policy.requireNotAssessed();
        policy.requireReferred();
        Boolean suitable = InvalidInput.require("suitable", command.suitable());
        LocalDate assessedOn = policy.requireOnOrAfterReferral("assessedOn", command.assessedOn(), clock);
        int phq9 = EpisodePolicy.requireScored(Instrument.PHQ9, "phq9", command.phq9());
        int gad7 = EpisodePolicy.requireScored(Instrument.GAD7, "gad7", command.gad7());
        MeasureId phq9Id = InvalidInput.require("phq9MeasureId", command.phq9MeasureId());
        MeasureId gad7Id = InvalidInput.require("gad7MeasureId", command.gad7MeasureId());
        apply(new AssessmentCompleted(episodeId, assessedOn, suitable, blankToNull(command.notes())));
        applyMeasure(new OutcomeMeasureRecorded(episodeId, phq9Id, Instrument.PHQ9, command.phq9(), phq9, assessedOn, null));
        applyMeasure(new OutcomeMeasureRecorded(episodeId, gad7Id, Instrument.GAD7, command.gad7(), gad7, assessedOn, null));
        if (suitable) {
            apply(new ClientWaitlisted(episodeId, assessedOn));
        } else {
            apply(new TherapyEnded(episodeId, assessedOn, EndReason.NOT_SUITABLE));
        }
    }

    @CommandHandler
    void handle(AllocateTherapist command, TherapistRoster roster, Clock clock) {
        EpisodePolicy policy = policy();
        policy.requireWaiting();
        TherapistId therapist = InvalidInput.require("therapistId", command.therapistId());
        LocalDate allocatedOn = policy.requireOnOrAfterReferral("allocatedOn", command.allocatedOn(), clock);
        roster.requireRoomInCaseload(therapist);
        apply(new TherapistAllocated(episodeId, therapist, allocatedOn));
    }

    /**
     * The new therapist takes the episode's place in their caseload and each future booking they are free for; a
     * booking that clashes with their diary is cancelled. Bookings whose time has passed stay with the therapist who
     * held them, for their outcome to be recorded.
     */
    @CommandHandler
    Reassignment handle(ReassignTherapist command, TherapistRoster roster, Clock clock) {
        EpisodePolicy policy = policy();
        TherapistId to = InvalidInput.require("therapistId", command.therapistId());
        String reason = InvalidInput.requireText("reason", command.reason());
        policy.requireInTherapy();
        policy.requireAnotherTherapist(therapistId, to);
        roster.requireRoomInCaseload(to);
        List<Integer> moved = new ArrayList<>();
        List<Integer> cancelled = new ArrayList<>();
        for (Map.Entry<Integer, Session> booked : sessions.entrySet()) {
            Session session = booked.getValue();
            if (session.state() != SessionState.BOOKED || !session.startsAt().isAfter(clock.instant())) {
                continue;
            }
            boolean free = roster.slotFree(to, episodeId, booked.getKey(), session.startsAt(), session.endsAt());
            (free ? moved : cancelled).add(booked.getKey());
        }
        apply(new TherapistReassigned(episodeId, therapistId, to, LocalDate.now(clock), reason, moved));
        cancelled.forEach(number -> apply(new SessionCancelled(episodeId, number, CancelledBy.SERVICE,
                "reassigned to a therapist not free at this time")));
        return new Reassignment(to, moved, cancelled);
    }

    @CommandHandler
    int handle(BookSession command, TherapistRoster roster) {
        EpisodePolicy policy = policy();
        policy.requireInTherapy();
        Instant startsAt = EpisodePolicy.requireSessionStart(command.startsAt());
        int duration = EpisodePolicy.requireDuration(command.durationMinutes());
        InvalidInput.require("mode", command.mode());
        policy.requireRoomInCourse();
        int number = lowestFreeNumber();
        Instant endsAt = startsAt.plusSeconds(duration * 60L);
        policy.requireInOrder(number, startsAt, endsAt);
        roster.requireFreeSlot(therapistId, episodeId, number, startsAt, endsAt);
        apply(new SessionBooked(episodeId, number, therapistId, startsAt, duration, command.mode()));
        return number;
    }

    @CommandHandler
    void handle(RescheduleSession command, TherapistRoster roster) {
        EpisodePolicy policy = policy();
        Session session = policy.requireBooked(command.sessionNumber());
        Instant startsAt = EpisodePolicy.requireSessionStart(command.startsAt());
        Instant endsAt = startsAt.plusSeconds(session.durationMinutes() * 60L);
        policy.requireInOrder(command.sessionNumber(), startsAt, endsAt);
        roster.requireFreeSlot(therapistId, episodeId, command.sessionNumber(), startsAt, endsAt);
        apply(new SessionRescheduled(episodeId, command.sessionNumber(), session.startsAt(), startsAt));
    }

    @CommandHandler
    void handle(CancelSession command) {
        policy().requireBooked(command.sessionNumber());
        CancelledBy cancelledBy = InvalidInput.require("cancelledBy", command.cancelledBy());
        apply(new SessionCancelled(episodeId, command.sessionNumber(), cancelledBy, blankToNull(command.reason())));
    }

    @CommandHandler
    void handle(RecordAttendance command, Clock clock) {
        EpisodePolicy policy = policy();
        int number = command.sessionNumber();
        Session session = policy.requireBooked(number);
        policy.requireEarlierSessionsResolved(number);
        policy.requireFocusForMiddlePhase(number);
        policy.requireStarted(session, clock);
        Integer phq9 = command.phq9() == null ? null : EpisodePolicy.requireScored(Instrument.PHQ9, "phq9", command.phq9());
        Integer gad7 = command.gad7() == null ? null : EpisodePolicy.requireScored(Instrument.GAD7, "gad7", command.gad7());
        MeasureId phq9Id = phq9 == null ? null : InvalidInput.require("phq9MeasureId", command.phq9MeasureId());
        MeasureId gad7Id = gad7 == null ? null : InvalidInput.require("gad7MeasureId", command.gad7MeasureId());
        LocalDate sessionDate = LocalDate.ofInstant(session.startsAt(), clock.getZone());
        apply(new SessionAttended(episodeId, number, session.startsAt()));
        if (phq9 != null) {
            applyMeasure(new OutcomeMeasureRecorded(episodeId, phq9Id, Instrument.PHQ9, command.phq9(), phq9, sessionDate, number));
        }
        if (gad7 != null) {
            applyMeasure(new OutcomeMeasureRecorded(episodeId, gad7Id, Instrument.GAD7, command.gad7(), gad7, sessionDate, number));
        }
    }

    /** Notes are typed after the session, so the episode may have ended since; the text is kept as written. */
    @CommandHandler
    void handle(WriteSessionNote command) {
        String text = EpisodePolicy.requireNote(command.text());
        policy().requireAttended(command.sessionNumber());
        apply(new SessionNoteWritten(episodeId, command.sessionNumber(), text));
    }

    @CommandHandler
    void handle(RecordMissedSession command, Clock clock) {
        EpisodePolicy policy = policy();
        Session session = policy.requireBooked(command.sessionNumber());
        policy.requireStarted(session, clock);
        apply(new SessionMissed(episodeId, command.sessionNumber(), session.startsAt()));
    }

    @CommandHandler
    void handle(CorrectSessionOutcome command) {
        SessionOutcome outcome = InvalidInput.require("outcome", command.outcome());
        String reason = InvalidInput.requireText("reason", command.reason());
        SessionOutcome previous = policy().requireOutcomeToCorrect(command.sessionNumber(), outcome);
        apply(new SessionOutcomeCorrected(episodeId, command.sessionNumber(), previous, outcome, reason));
    }

    @CommandHandler
    void handle(AgreeFocus command) {
        EpisodePolicy policy = policy();
        policy.requireNotEnded();
        Focus proposed = InvalidInput.require("focus", command.focus());
        Focus cleaned = new Focus(InvalidInput.requireText("selfRepresentation", proposed.selfRepresentation()),
                InvalidInput.requireText("otherRepresentation", proposed.otherRepresentation()),
                InvalidInput.requireText("affect", proposed.affect()),
                InvalidInput.requireText("defensiveFunction", proposed.defensiveFunction()));
        int lastAttended = policy.requireSessionAttended();
        policy.requireBeforeEndingPhase();
        if (focus == null) {
            apply(new FocusAgreed(episodeId, cleaned, lastAttended));
            return;
        }
        String reason = policy.requireRevisionReason(command.reason());
        apply(new FocusRevised(episodeId, cleaned, reason, lastAttended));
    }

    @CommandHandler
    void handle(RecordOutcomeMeasure command, Clock clock) {
        EpisodePolicy policy = policy();
        Instrument instrument = InvalidInput.require("instrument", command.instrument());
        int total = EpisodePolicy.requireScored(instrument, "items", command.items());
        policy.requireNotEnded();
        LocalDate recordedOn = policy.requireOnOrAfterReferral("recordedOn", command.recordedOn(), clock);
        applyMeasure(new OutcomeMeasureRecorded(episodeId, InvalidInput.require("measureId", command.measureId()), instrument,
                command.items(), total, recordedOn, null));
    }

    @CommandHandler
    void handle(MarkMeasureEnteredInError command) {
        String reason = InvalidInput.requireText("reason", command.reason());
        policy().requireMeasureToMark(command.measureId());
        apply(new MeasureEnteredInError(episodeId, command.measureId(), reason));
    }

    @CommandHandler
    void handle(ShareGoodbyeLetter command, Clock clock) {
        EpisodePolicy policy = policy();
        policy.requireNotEnded();
        policy.requireEndingPhase();
        policy.requireLetterNotShared();
        LocalDate sharedOn = policy.requireOnOrAfterReferral("sharedOn", command.sharedOn(), clock);
        apply(new GoodbyeLetterShared(episodeId, sharedOn));
    }

    @CommandHandler
    void handle(ExtendCourse command) {
        EpisodePolicy policy = policy();
        EpisodePolicy.requireAdditionalSessions(command.additionalSessions());
        String approvedBy = InvalidInput.requireText("approvedBy", command.approvedBy());
        String reason = InvalidInput.requireText("reason", command.reason());
        policy.requireNotEnded();
        int extended = policy.requireWithinCourseLimit(command.additionalSessions());
        apply(new CourseExtended(episodeId, command.additionalSessions(), extended, approvedBy, reason));
    }

    /** Any clinician may assess risk at any stage, an ended episode included: an open indication outlives the ending. */
    @CommandHandler
    void handle(RecordRiskAssessment command, Clock clock) {
        EpisodePolicy policy = policy();
        RiskAssessmentId id = InvalidInput.require("riskAssessmentId", command.riskAssessmentId());
        RiskLevel level = InvalidInput.require("level", command.level());
        RiskLevel toSelf = InvalidInput.require("riskToSelf", command.riskToSelf());
        RiskLevel toOthers = InvalidInput.require("riskToOthers", command.riskToOthers());
        RiskLevel fromOthers = InvalidInput.require("riskFromOthers", command.riskFromOthers());
        String safetyPlan = InvalidInput.requireText("safetyPlan", command.safetyPlan());
        String actions = InvalidInput.requireText("actions", command.actions());
        LocalDate assessedOn = policy.requireOnOrAfterReferral("assessedOn", command.assessedOn(), clock);
        LocalDate reviewBy = EpisodePolicy.requireReviewDate(command.reviewBy(), assessedOn);
        apply(new RiskAssessed(episodeId, id, assessedOn, level, toSelf, toOthers, fromOthers, safetyPlan, actions, reviewBy));
    }

    @CommandHandler
    void handle(ShortenCourse command) {
        EpisodePolicy policy = policy();
        int length = InvalidInput.require("courseLength", command.courseLength());
        String reason = InvalidInput.requireText("reason", command.reason());
        policy.requireNotEnded();
        EpisodePolicy.requireAtLeastMinimumCourse(length);
        policy.requireShorterCourse(length);
        String approvedBy = EpisodePolicy.requireApprovalOfShortCourse(length, command.approvedBy());
        policy.requireSessionsWithinCourse(length);
        apply(new CourseShortened(episodeId, length, courseLength, reason, approvedBy));
    }

    /** After an ending with treatment: with the episode's therapist, on a clinic day after the ending. */
    @CommandHandler
    void handle(BookFollowUp command, TherapistRoster roster, Clock clock) {
        EpisodePolicy policy = policy();
        Instant startsAt = EpisodePolicy.requireSessionStart(command.startsAt());
        int duration = EpisodePolicy.requireDuration(command.durationMinutes());
        InvalidInput.require("mode", command.mode());
        policy.requireEndedAfterTreatment();
        policy.requireNoFollowUp();
        policy.requireAfterEnding(LocalDate.ofInstant(startsAt, clock.getZone()));
        roster.requireFreeSlot(therapistId, episodeId, TherapistRoster.FOLLOW_UP, startsAt, startsAt.plusSeconds(duration * 60L));
        apply(new FollowUpBooked(episodeId, therapistId, startsAt, duration, command.mode()));
    }

    /** Its measures are the follow-up's own: the episode's outcome keeps the scores of treatment. */
    @CommandHandler
    void handle(RecordFollowUpAttendance command, Clock clock) {
        EpisodePolicy policy = policy();
        Session booked = policy.requireFollowUpBooked();
        policy.requireStarted(booked, clock);
        Integer phq9 = command.phq9() == null ? null : EpisodePolicy.requireScored(Instrument.PHQ9, "phq9", command.phq9());
        Integer gad7 = command.gad7() == null ? null : EpisodePolicy.requireScored(Instrument.GAD7, "gad7", command.gad7());
        MeasureId phq9Id = phq9 == null ? null : InvalidInput.require("phq9MeasureId", command.phq9MeasureId());
        MeasureId gad7Id = gad7 == null ? null : InvalidInput.require("gad7MeasureId", command.gad7MeasureId());
        LocalDate day = LocalDate.ofInstant(booked.startsAt(), clock.getZone());
        apply(new FollowUpAttended(episodeId, booked.startsAt()));
        if (phq9 != null) {
            apply(new FollowUpMeasureRecorded(episodeId, phq9Id, Instrument.PHQ9, command.phq9(), phq9, day));
            indicateRisk(phq9Id, Instrument.PHQ9, command.phq9(), day);
        }
        if (gad7 != null) {
            apply(new FollowUpMeasureRecorded(episodeId, gad7Id, Instrument.GAD7, command.gad7(), gad7, day));
        }
    }

    @CommandHandler
    void handle(EndTherapy command, Clock clock) {
        EpisodePolicy policy = policy();
        EndReason reason = InvalidInput.require("reason", command.reason());
        policy.requireNotEnded();
        LocalDate endedOn = policy.requireOnOrAfterReferral("endedOn", command.endedOn(), clock);
        policy.requireCompletionRequirementsMet(reason);
        List<Integer> open = sessions.entrySet().stream()
                .filter(e -> e.getValue().state() == SessionState.BOOKED)
                .map(Map.Entry::getKey)
                .toList();
        apply(new TherapyEnded(episodeId, endedOn, reason));
        open.forEach(number -> apply(new SessionCancelled(episodeId, number, CancelledBy.SERVICE, "therapy ended")));
    }

    /** Only an episode whose client was never registered (referred before clients were) is linked to one. */
    @CommandHandler
    void handle(LinkEpisodeToClient command, ClientRegistry clients) {
        ClientId client = InvalidInput.require("clientId", command.clientId());
        clients.requireLinkable(episodeId, clientId, client, status != EpisodeStatus.ENDED);
        apply(new EpisodeClientLinked(episodeId, clientId, client));
    }

    @EventSourcingHandler
    void on(ClientReferred event) {
        episodeId = event.episodeId();
        clientId = event.clientId();
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
    void on(TherapistReassigned event) {
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
    void on(CourseShortened event) {
        courseLength = event.courseLength();
    }

    @EventSourcingHandler
    void on(TherapyEnded event) {
        status = EpisodeStatus.ENDED;
        endedOn = event.endedOn();
    }

    @EventSourcingHandler
    void on(FollowUpBooked event) {
        followUp = new Session(event.startsAt(), event.durationMinutes(), SessionState.BOOKED);
    }

    @EventSourcingHandler
    void on(FollowUpAttended event) {
        followUp = followUp.in(SessionState.ATTENDED);
    }

    @EventSourcingHandler
    void on(FollowUpMeasureRecorded event) {
        measuresEnteredInError.put(event.measureId(), false);
    }

    @EventSourcingHandler
    void on(EpisodeClientLinked event) {
        clientId = event.clientId();
    }

    /** A measure, followed by a risk indication when it is a PHQ-9 with item 9 scored 1 or more (DESIGN §2, risk). */
    private void applyMeasure(OutcomeMeasureRecorded measure) {
        apply(measure);
        indicateRisk(measure.measureId(), measure.instrument(), measure.items(), measure.recordedOn());
    }

    private void indicateRisk(MeasureId measureId, Instrument instrument, List<Integer> items, LocalDate recordedOn) {
        int item9 = instrument.selfHarmItem(items);
        if (item9 > 0) {
            apply(new RiskIndicated(episodeId, measureId, item9, recordedOn));
        }
    }

    private EpisodePolicy policy() {
        return new EpisodePolicy(episodeId, status, referredOn, assessed, courseLength, sessions, focus, goodbyeLetterShared,
                measuresEnteredInError, endedOn, followUp);
    }

    private int lowestFreeNumber() {
        int number = 1;
        while (sessions.containsKey(number)) {
            number++;
        }
        return number;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record Session(Instant startsAt, int durationMinutes, SessionState state) {

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
