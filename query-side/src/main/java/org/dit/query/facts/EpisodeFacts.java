package org.dit.query.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.EpisodeClientLinked;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.CourseExtended;
import org.dit.events.episode.CourseShortened;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeEvent;
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
import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskAssessed;
import org.dit.events.episode.RiskIndicated;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionNoteWritten;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionOutcomeCorrected;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapistReassigned;
import org.dit.events.episode.TherapyEnded;

/**
 * Everything the read models need to know about one episode, folded from its events. Immutable: each event
 * gives a new value. Read models keep it (as JSON) next to the columns they derive from it, and the audit
 * view folds it from the log up to any instant.
 *
 * @param sessions every booking in booking order, cancelled ones included
 * @param measures every recorded measure in recording order, entered-in-error ones included (flagged)
 * @param riskAssessments every risk assessment in recording order
 * @param riskIndications every risk indication (PHQ-9 item 9 of 1 or more) in recording order, closed ones included
 * @param followUp        the follow-up appointment after the ending, or null; its measures are kept apart from
 *                        {@code measures}, so no outcome of treatment ever counts them
 */
public record EpisodeFacts(UUID episodeId, UUID clientId, EpisodeStatus status, Priority priority, LocalDate referredOn,
                           LocalDate waitlistedOn, LocalDate allocatedOn, UUID therapistId, int courseLength,
                           List<SessionFact> sessions, List<MeasureFact> measures, Focus focus,
                           LocalDate goodbyeLetterSharedOn, LocalDate endedOn, EndReason endReason,
                           List<RiskAssessmentFact> riskAssessments, List<RiskIndicationFact> riskIndications,
                           FollowUpFact followUp, long lastSequence) {

    /** Lists absent from facts stored before they existed read as empty. */
    public EpisodeFacts {
        sessions = List.copyOf(sessions);
        measures = List.copyOf(measures);
        riskAssessments = riskAssessments == null ? List.of() : List.copyOf(riskAssessments);
        riskIndications = riskIndications == null ? List.of() : List.copyOf(riskIndications);
    }

    /** @param note the latest note written for the session, or null */
    public record SessionFact(int number, Instant startsAt, int durationMinutes, SessionMode mode, SessionState state,
                              String note) {

        SessionFact in(SessionState newState) {
            return new SessionFact(number, startsAt, durationMinutes, mode, newState, note);
        }

        SessionFact movedTo(Instant newStart) {
            return new SessionFact(number, newStart, durationMinutes, mode, state, note);
        }

        SessionFact noted(String text) {
            return new SessionFact(number, startsAt, durationMinutes, mode, state, text);
        }
    }

    public record MeasureFact(UUID measureId, Instrument instrument, int total, LocalDate recordedOn, Integer sessionNumber,
                              boolean enteredInError) {

        MeasureFact markedEnteredInError() {
            return new MeasureFact(measureId, instrument, total, recordedOn, sessionNumber, true);
        }
    }

    public record FollowUpFact(Instant startsAt, int durationMinutes, SessionMode mode, SessionState state,
                               List<MeasureFact> measures) {

        public FollowUpFact {
            measures = List.copyOf(measures);
        }

        FollowUpFact attended() {
            return new FollowUpFact(startsAt, durationMinutes, mode, SessionState.ATTENDED, measures);
        }

        FollowUpFact with(MeasureFact measure) {
            List<MeasureFact> more = new ArrayList<>(measures);
            more.add(measure);
            return new FollowUpFact(startsAt, durationMinutes, mode, state, more);
        }

        FollowUpFact enteredInError(UUID measureId) {
            return new FollowUpFact(startsAt, durationMinutes, mode, state, measures.stream()
                    .map(m -> m.measureId().equals(measureId) ? m.markedEnteredInError() : m).toList());
        }
    }

    public record RiskAssessmentFact(UUID riskAssessmentId, LocalDate assessedOn, RiskLevel level, RiskLevel riskToSelf,
                                     RiskLevel riskToOthers, RiskLevel riskFromOthers, String safetyPlan, String actions,
                                     LocalDate reviewBy) {
    }

    /**
     * @param clearedBy      the risk assessment that cleared it, or null
     * @param enteredInError its measure was marked entered in error: the indication never stood
     */
    public record RiskIndicationFact(UUID measureId, int item9, LocalDate recordedOn, UUID clearedBy, boolean enteredInError) {

        public boolean open() {
            return clearedBy == null && !enteredInError;
        }
    }

    /** The facts of an episode that does not exist yet; the first event (ClientReferred) fills them. */
    public static EpisodeFacts none(UUID episodeId) {
        return new EpisodeFacts(episodeId, null, null, null, null, null, null, null, Phase.DEFAULT_COURSE_LENGTH, List.of(),
                List.of(), null, null, null, null, List.of(), List.of(), null, -1);
    }

    public boolean exists() {
        return status != null;
    }

    /**
     * How each event of the sealed family changes the facts, one step per permitted type. Java 17 has no exhaustive
     * switch over a sealed interface, so the steps are checked against {@link Class#getPermittedSubclasses()} when the
     * class initialises (an event type without a step fails every fold at once, rather than leaving read models and
     * audit views quietly without it) and in {@code EpisodeFactsTest}, which fails the build first.
     */
    private static final Map<Class<? extends EpisodeEvent>, Step<?>> STEPS = stepsForEveryEvent(
            step(ClientReferred.class, (next, e) -> {
                next.clientId = e.clientId().value();
                next.status = EpisodeStatus.REFERRED;
                next.priority = e.priority();
                next.referredOn = e.referredOn();
            }),
            // suitability shows in what follows (waitlisted, or ended as not suitable)
            step(AssessmentCompleted.class, (next, e) -> {
            }),
            step(ClientWaitlisted.class, (next, e) -> {
                next.status = EpisodeStatus.WAITING;
                next.waitlistedOn = e.waitlistedOn();
            }),
            step(TherapistAllocated.class, (next, e) -> {
                next.status = EpisodeStatus.IN_THERAPY;
                next.allocatedOn = e.allocatedOn();
                next.therapistId = e.therapistId().value();
            }),
            step(TherapistReassigned.class, (next, e) -> next.therapistId = e.therapistId().value()),
            step(SessionBooked.class, (next, e) -> next.sessions.add(
                    new SessionFact(e.sessionNumber(), e.startsAt(), e.durationMinutes(), e.mode(), SessionState.BOOKED, null))),
            step(SessionNoteWritten.class, (next, e) ->
                    next.replaceLive(e.sessionNumber(), SessionState.ATTENDED, s -> s.noted(e.text()))),
            step(SessionRescheduled.class, (next, e) ->
                    next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.movedTo(e.startsAt()))),
            step(SessionCancelled.class, (next, e) ->
                    next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.in(SessionState.CANCELLED))),
            step(SessionAttended.class, (next, e) ->
                    next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.in(SessionState.ATTENDED))),
            step(SessionMissed.class, (next, e) ->
                    next.replaceLive(e.sessionNumber(), SessionState.BOOKED, s -> s.in(SessionState.MISSED))),
            step(SessionOutcomeCorrected.class, (next, e) ->
                    next.replaceLive(e.sessionNumber(), state(e.previousOutcome()), s -> s.in(state(e.outcome())))),
            step(OutcomeMeasureRecorded.class, (next, e) -> next.measures.add(new MeasureFact(e.measureId().value(),
                    e.instrument(), e.total(), e.recordedOn(), e.sessionNumber(), false))),
            step(MeasureEnteredInError.class, (next, e) -> {
                UUID measureId = e.measureId().value();
                next.measures.replaceAll(m -> m.measureId().equals(measureId) ? m.markedEnteredInError() : m);
                if (next.followUp != null) {
                    next.followUp = next.followUp.enteredInError(measureId);
                }
                next.riskIndications.replaceAll(r -> r.measureId().equals(measureId)
                        ? new RiskIndicationFact(r.measureId(), r.item9(), r.recordedOn(), r.clearedBy(), true) : r);
            }),
            step(FocusAgreed.class, (next, e) -> next.focus = e.focus()),
            step(FocusRevised.class, (next, e) -> next.focus = e.focus()),
            step(GoodbyeLetterShared.class, (next, e) -> next.goodbyeLetterSharedOn = e.sharedOn()),
            step(CourseExtended.class, (next, e) -> next.courseLength = e.courseLength()),
            step(CourseShortened.class, (next, e) -> next.courseLength = e.courseLength()),
            step(TherapyEnded.class, (next, e) -> {
                next.status = EpisodeStatus.ENDED;
                next.endedOn = e.endedOn();
                next.endReason = e.reason();
            }),
            step(EpisodeClientLinked.class, (next, e) -> next.clientId = e.clientId().value()),
            step(FollowUpBooked.class, (next, e) -> next.followUp = new FollowUpFact(e.startsAt(), e.durationMinutes(),
                    e.mode(), SessionState.BOOKED, List.of())),
            step(FollowUpAttended.class, (next, e) -> next.followUp = next.followUp.attended()),
            step(FollowUpMeasureRecorded.class, (next, e) -> next.followUp = next.followUp.with(new MeasureFact(
                    e.measureId().value(), e.instrument(), e.total(), e.recordedOn(), null, false))),
            step(RiskIndicated.class, (next, e) -> next.riskIndications.add(
                    new RiskIndicationFact(e.measureId().value(), e.item9(), e.recordedOn(), null, false))),
            // clears the indications recorded before it whose measure it does not predate (DESIGN §2, risk)
            step(RiskAssessed.class, (next, e) -> {
                UUID id = e.riskAssessmentId().value();
                next.riskAssessments.add(new RiskAssessmentFact(id, e.assessedOn(), e.level(), e.riskToSelf(),
                        e.riskToOthers(), e.riskFromOthers(), e.safetyPlan(), e.actions(), e.reviewBy()));
                next.riskIndications.replaceAll(r -> r.open() && !r.recordedOn().isAfter(e.assessedOn())
                        ? new RiskIndicationFact(r.measureId(), r.item9(), r.recordedOn(), id, false) : r);
            }));

    /** The facts after one more event; an event at or below the last applied sequence changes nothing. */
    public EpisodeFacts apply(EpisodeEvent event, long sequence) {
        if (sequence <= lastSequence) {
            return this;
        }
        Builder next = new Builder(this, sequence);
        STEPS.get(event.getClass()).applyTo(next, event);
        return next.build();
    }

    /** The event types the facts are folded from: every permitted subtype of {@link EpisodeEvent}. */
    static Set<Class<? extends EpisodeEvent>> foldedEvents() {
        return STEPS.keySet();
    }

    /**
     * The same facts without the client's personal data (focus wording, session notes, safety plans and actions), as
     * after their erasure.
     */
    public EpisodeFacts withoutPersonalData() {
        return new EpisodeFacts(episodeId, clientId, status, priority, referredOn, waitlistedOn, allocatedOn, therapistId,
                courseLength,
                sessions.stream().map(s -> new SessionFact(s.number(), s.startsAt(), s.durationMinutes(), s.mode(),
                        s.state(), null)).toList(),
                measures, null, goodbyeLetterSharedOn, endedOn, endReason,
                riskAssessments.stream().map(r -> new RiskAssessmentFact(r.riskAssessmentId(), r.assessedOn(), r.level(),
                        r.riskToSelf(), r.riskToOthers(), r.riskFromOthers(), null, null, r.reviewBy())).toList(),
                riskIndications, followUp, lastSequence);
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

    /**
     * Valid measures (not entered in error) of one instrument, earliest first, as recorded up to the end of therapy:
     * the measures of treatment and assessment only, never those of the follow-up.
     */
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

    /** The assessment with the latest date (of one day, the last recorded), if risk was ever assessed. */
    public Optional<RiskAssessmentFact> latestRiskAssessment() {
        RiskAssessmentFact latest = null;
        for (RiskAssessmentFact assessment : riskAssessments) {
            if (latest == null || !assessment.assessedOn().isBefore(latest.assessedOn())) {
                latest = assessment;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Indications no later risk assessment has cleared and whose measure stands. */
    public List<RiskIndicationFact> openRiskIndications() {
        return riskIndications.stream().filter(RiskIndicationFact::open).toList();
    }

    /** The latest assessment's review date has passed, as of that clinic date, and the episode is still open. */
    public boolean riskReviewOverdue(LocalDate today) {
        return status != EpisodeStatus.ENDED
                && latestRiskAssessment().map(a -> a.reviewBy().isBefore(today)).orElse(false);
    }

    private static SessionState state(SessionOutcome outcome) {
        return outcome == SessionOutcome.ATTENDED ? SessionState.ATTENDED : SessionState.MISSED;
    }

    private record Step<E extends EpisodeEvent>(Class<E> type, BiConsumer<Builder, E> change) {

        void applyTo(Builder next, EpisodeEvent event) {
            change.accept(next, type.cast(event));
        }
    }

    private static <E extends EpisodeEvent> Step<E> step(Class<E> type, BiConsumer<Builder, E> change) {
        return new Step<>(type, change);
    }

    private static Map<Class<? extends EpisodeEvent>, Step<?>> stepsForEveryEvent(Step<?>... steps) {
        Map<Class<? extends EpisodeEvent>, Step<?>> byType = new HashMap<>();
        for (Step<?> step : steps) {
            if (byType.put(step.type(), step) != null) {
                throw new IllegalStateException("EpisodeFacts folds " + step.type().getSimpleName() + " twice");
            }
        }
        List<String> missing = Arrays.stream(EpisodeEvent.class.getPermittedSubclasses())
                .filter(type -> !byType.containsKey(type))
                .map(Class::getSimpleName)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("EpisodeFacts has no step for " + missing);
        }
        return Map.copyOf(byType);
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
        private final List<RiskAssessmentFact> riskAssessments;
        private final List<RiskIndicationFact> riskIndications;
        private FollowUpFact followUp;
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
            riskAssessments = new ArrayList<>(f.riskAssessments);
            riskIndications = new ArrayList<>(f.riskIndications);
            followUp = f.followUp;
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
                    courseLength, sessions, measures, focus, goodbyeLetterSharedOn, endedOn, endReason, riskAssessments,
                    riskIndications, followUp, sequence);
        }
    }
}
