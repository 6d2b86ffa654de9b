package org.dit.command.episode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.dit.command.InvalidInput;
import org.dit.command.RuleViolation;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Focus;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionState;

/**
 * Every refusal of an episode's commands (docs/design.md §2), side by side. Each rule is one method that throws the refusal
 * named for it; the aggregate asks the rules a command is subject to, in order, then applies its events. The policy
 * sees the episode as it stands when the command arrives and never changes it. The static rules judge input that no
 * state of the episode could make valid (400 naming the field); the others refuse with 409 and the rule's problem
 * type. The refusals' {@code type} slugs are the API's contract ({@code /problems/<type>}): a renamed class keeps its
 * slug.
 */
final class EpisodePolicy {

    static final int MAX_SESSION_MINUTES = 240;
    /** A course shorter than this needs a supervisor's approval. */
    static final int UNAPPROVED_MIN_COURSE_LENGTH = 12;
    static final int MAX_NOTE_LENGTH = 4000;
    /**
     * Clinical dates and session times lie within four-digit years: beyond them a date is a typing error or hostile,
     * and would overflow Instant arithmetic or PostgreSQL's date range in the lookups and read models.
     */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final Instant EARLIEST_START = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant LATEST_START = Instant.parse("9999-12-31T00:00:00Z");
    static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 30);

    private final EpisodeId episodeId;
    private final EpisodeStatus status;
    private final LocalDate referredOn;
    private final boolean assessed;
    private final int courseLength;
    private final NavigableMap<Integer, Episode.Session> sessions;
    private final Focus focus;
    private final boolean goodbyeLetterShared;
    private final Map<MeasureId, Boolean> measuresEnteredInError;
    private final LocalDate endedOn;
    private final Episode.Session followUp;

    EpisodePolicy(EpisodeId episodeId, EpisodeStatus status, LocalDate referredOn, boolean assessed, int courseLength,
                  NavigableMap<Integer, Episode.Session> sessions, Focus focus, boolean goodbyeLetterShared,
                  Map<MeasureId, Boolean> measuresEnteredInError, LocalDate endedOn, Episode.Session followUp) {
        this.episodeId = episodeId;
        this.status = status;
        this.referredOn = referredOn;
        this.assessed = assessed;
        this.courseLength = courseLength;
        this.sessions = sessions;
        this.focus = focus;
        this.goodbyeLetterShared = goodbyeLetterShared;
        this.measuresEnteredInError = measuresEnteredInError;
        this.endedOn = endedOn;
        this.followUp = followUp;
    }

    void requireNotAssessed() {
        if (assessed) {
            throw new AlreadyAssessed("episode " + episodeId + " was assessed already");
        }
    }

    void requireReferred() {
        if (status != EpisodeStatus.REFERRED) {
            throw new EpisodeNotReferred("episode " + episodeId + " is " + status);
        }
    }

    void requireWaiting() {
        if (status != EpisodeStatus.WAITING) {
            throw new EpisodeNotWaiting("episode " + episodeId + " is " + status);
        }
    }

    void requireInTherapy() {
        if (status != EpisodeStatus.IN_THERAPY) {
            throw new EpisodeNotInTherapy("episode " + episodeId + " is " + status);
        }
    }

    void requireAnotherTherapist(TherapistId current, TherapistId proposed) {
        if (proposed.equals(current)) {
            throw new SameTherapist("episode " + episodeId + " is already with therapist " + current);
        }
    }

    void requireNotEnded() {
        if (status == EpisodeStatus.ENDED) {
            throw new EpisodeEnded("episode " + episodeId + " has ended");
        }
    }

    /** Booked, attended and missed sessions all count against the course; a cancelled one does not. */
    void requireRoomInCourse() {
        if (sessions.size() >= courseLength) {
            throw new CourseFull("all " + courseLength + " sessions of the course are booked or held");
        }
    }

    /** Sessions are numbered in time: each ends before the next one starts. */
    void requireInOrder(int number, Instant startsAt, Instant endsAt) {
        Map.Entry<Integer, Episode.Session> before = sessions.lowerEntry(number);
        if (before != null && startsAt.isBefore(before.getValue().endsAt())) {
            throw new SessionOutOfOrder("session " + number + " would start at " + startsAt + ", before session "
                    + before.getKey() + " (" + before.getValue().startsAt() + ") has ended");
        }
        Map.Entry<Integer, Episode.Session> after = sessions.higherEntry(number);
        if (after != null && endsAt.isAfter(after.getValue().startsAt())) {
            throw new SessionOutOfOrder("session " + number + " would end at " + endsAt + ", after session "
                    + after.getKey() + " starts (" + after.getValue().startsAt() + ")");
        }
    }

    /** @return the booked session */
    Episode.Session requireBooked(int number) {
        Episode.Session session = sessions.get(number);
        if (session == null || session.state() != SessionState.BOOKED) {
            throw new SessionNotBooked("session " + number + " of episode " + episodeId + " is "
                    + (session == null ? "not booked" : session.state()));
        }
        return session;
    }

    void requireAttended(int number) {
        Episode.Session session = sessions.get(number);
        if (session == null || session.state() != SessionState.ATTENDED) {
            throw new SessionNotAttended("session " + number + " of episode " + episodeId + " is "
                    + (session == null ? "not booked" : session.state()) + "; a note belongs to an attended session");
        }
    }

    /** Outcomes are recorded in session order, so that the phase always follows the sessions actually held. */
    void requireEarlierSessionsResolved(int number) {
        for (int earlier = 1; earlier < number; earlier++) {
            Episode.Session previous = sessions.get(earlier);
            if (previous == null || previous.state() == SessionState.BOOKED) {
                throw new EarlierSessionUnresolved("session " + earlier + " is "
                        + (previous == null ? "not booked" : "still booked") + "; record it before session " + number);
            }
        }
    }

    /** The middle phase works on the agreed IPAF: it must be agreed by the end of session 4. */
    void requireFocusForMiddlePhase(int number) {
        if (number > Phase.LAST_INITIAL_SESSION && focus == null) {
            throw new FocusNotAgreed("session " + number + " is in the middle phase but no IPAF focus has been agreed");
        }
    }

    void requireStarted(Episode.Session session, Clock clock) {
        if (session.startsAt().isAfter(clock.instant())) {
            throw new SessionInFuture("the session starts at " + session.startsAt() + "; its outcome can be recorded from then");
        }
    }

    /** @return the outcome recorded so far, which the correction replaces */
    SessionOutcome requireOutcomeToCorrect(int number, SessionOutcome corrected) {
        Episode.Session session = sessions.get(number);
        if (session == null || session.state() == SessionState.BOOKED) {
            throw new NothingToCorrect("session " + number + " has no recorded outcome");
        }
        SessionOutcome previous = session.state() == SessionState.ATTENDED ? SessionOutcome.ATTENDED : SessionOutcome.MISSED;
        if (previous == corrected) {
            throw new NothingToCorrect("session " + number + " is already recorded as " + corrected);
        }
        return previous;
    }

    void requireMeasureToMark(MeasureId measureId) {
        Boolean enteredInError = measuresEnteredInError.get(measureId);
        if (enteredInError == null) {
            throw new NothingToCorrect("no measure " + measureId + " in episode " + episodeId);
        }
        if (enteredInError) {
            throw new NothingToCorrect("measure " + measureId + " is already marked as entered in error");
        }
    }

    /**
     * The focus is formulated in the initial sessions, so at least one must have been held.
     *
     * @return the last attended session
     */
    int requireSessionAttended() {
        int lastAttended = lastAttended();
        if (lastAttended == 0) {
            throw new NoSessionAttended("the focus is formulated in the initial sessions; none has been attended yet");
        }
        return lastAttended;
    }

    /** The ending phase consolidates the focus; it is no longer agreed or revised there. */
    void requireBeforeEndingPhase() {
        if (phase() == Phase.ENDING) {
            throw new EndingPhaseReached("the ending phase has been reached (session " + lastAttended() + " of " + courseLength
                    + "); the focus can no longer be agreed or revised");
        }
    }

    /** @return the reason, stripped */
    String requireRevisionReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RevisionReasonRequired("a focus is already agreed; revising it needs a reason");
        }
        return reason.strip();
    }

    void requireEndingPhase() {
        if (phase() != Phase.ENDING) {
            throw new EndingPhaseNotReached("the goodbye letter belongs to the ending phase (from session "
                    + (courseLength - Phase.ENDING_SESSIONS + 1) + "); the last attended session is " + lastAttended());
        }
    }

    void requireLetterNotShared() {
        if (goodbyeLetterShared) {
            throw new GoodbyeLetterAlreadyShared("the goodbye letter of episode " + episodeId + " was shared already");
        }
    }

    /** @return the course length after the extension */
    int requireWithinCourseLimit(int additionalSessions) {
        int extended = courseLength + additionalSessions;
        if (extended > Phase.MAX_COURSE_LENGTH) {
            throw new CourseLengthExceeded("the course has " + courseLength + " sessions; " + additionalSessions
                    + " more would make " + extended + ", over the limit of " + Phase.MAX_COURSE_LENGTH);
        }
        return extended;
    }

    void requireShorterCourse(int length) {
        if (length >= courseLength) {
            throw new CourseNotShortened("the course has " + courseLength + " sessions; " + length
                    + " is not shorter (a longer course is an extension)");
        }
    }

    /** Booked, attended and missed sessions must all fit the shorter course; cancel bookings beyond it first. */
    void requireSessionsWithinCourse(int length) {
        int highest = sessions.isEmpty() ? 0 : sessions.lastKey();
        if (highest > length || sessions.size() > length) {
            throw new SessionsBeyondCourseLength("session " + highest + " is booked or held already; the course cannot end at "
                    + length);
        }
    }

    /** A follow-up belongs after the ending of a course in which the client attended at least once. */
    void requireEndedAfterTreatment() {
        if (status != EpisodeStatus.ENDED) {
            throw new EpisodeNotEnded("episode " + episodeId + " is " + status + "; a follow-up comes after the ending");
        }
        if (lastAttended() == 0) {
            throw new NoSessionAttended("no session was attended in episode " + episodeId + "; there is no treatment to follow up");
        }
    }

    void requireNoFollowUp() {
        if (followUp != null) {
            throw new FollowUpAlreadyBooked("episode " + episodeId + " has its follow-up at " + followUp.startsAt());
        }
    }

    void requireAfterEnding(LocalDate day) {
        if (!day.isAfter(endedOn)) {
            throw new FollowUpBeforeEnding("the follow-up on " + day + " is not after the ending on " + endedOn);
        }
    }

    /** @return the booked follow-up */
    Episode.Session requireFollowUpBooked() {
        if (followUp == null || followUp.state() != SessionState.BOOKED) {
            throw new FollowUpNotBooked("episode " + episodeId + " has " + (followUp == null ? "no follow-up booked"
                    : "recorded its follow-up already"));
        }
        return followUp;
    }

    /** A course ends as COMPLETED only in the ending phase and after the goodbye letter; other endings need neither. */
    void requireCompletionRequirementsMet(EndReason reason) {
        if (reason == EndReason.COMPLETED && (phase() != Phase.ENDING || !goodbyeLetterShared)) {
            throw new CompletionRequirementsNotMet("a COMPLETED ending needs the ending phase (now " + phase()
                    + ") and a shared goodbye letter (" + (goodbyeLetterShared ? "shared" : "not shared") + ")");
        }
    }

    /** @return the date, once it is neither in the future nor before the referral */
    LocalDate requireOnOrAfterReferral(String field, LocalDate date, Clock clock) {
        requireNotInFuture(field, date, clock);
        if (date.isBefore(referredOn)) {
            throw new DateBeforeReferral(field + " " + date + " is before the referral on " + referredOn);
        }
        return date;
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

    /** @return the date, once given, not in the future and not before {@link #EARLIEST_DATE} */
    static LocalDate requireNotInFuture(String field, LocalDate date, Clock clock) {
        InvalidInput.require(field, date);
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput(field, "is in the future");
        }
        if (date.isBefore(EARLIEST_DATE)) {
            throw new InvalidInput(field, "is before " + EARLIEST_DATE);
        }
        return date;
    }

    static Instant requireSessionStart(Instant startsAt) {
        InvalidInput.require("startsAt", startsAt);
        if (startsAt.isBefore(EARLIEST_START) || startsAt.isAfter(LATEST_START)) {
            throw new InvalidInput("startsAt", "must be between " + EARLIEST_START + " and " + LATEST_START);
        }
        return startsAt;
    }

    static int requireDuration(int minutes) {
        if (minutes < 1 || minutes > MAX_SESSION_MINUTES) {
            throw new InvalidInput("durationMinutes", "must be between 1 and " + MAX_SESSION_MINUTES);
        }
        return minutes;
    }

    /** @return the total score, once the instrument's item count and item range hold */
    static int requireScored(Instrument instrument, String field, List<Integer> items) {
        String invalid = instrument.invalidItems(items);
        if (invalid != null) {
            throw new InvalidInput(field, invalid);
        }
        return instrument.total(items);
    }

    /** @return the review date, once given and not before the assessment */
    static LocalDate requireReviewDate(LocalDate reviewBy, LocalDate assessedOn) {
        InvalidInput.require("reviewBy", reviewBy);
        if (reviewBy.isBefore(assessedOn)) {
            throw new InvalidInput("reviewBy", "is before assessedOn " + assessedOn);
        }
        if (reviewBy.isAfter(LATEST_DATE)) {
            throw new InvalidInput("reviewBy", "is after " + LATEST_DATE);
        }
        return reviewBy;
    }

    /** @return the note, stripped, once given and within {@link #MAX_NOTE_LENGTH} characters */
    static String requireNote(String text) {
        String note = InvalidInput.requireText("text", text);
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new InvalidInput("text", "is " + note.length() + " characters; a session note has at most " + MAX_NOTE_LENGTH);
        }
        return note;
    }

    static void requireAtLeastMinimumCourse(int length) {
        if (length < Phase.MIN_COURSE_LENGTH) {
            throw new CourseLengthBelowMinimum("a course of " + length + " sessions is shorter than the minimum of "
                    + Phase.MIN_COURSE_LENGTH);
        }
    }

    /** @return the approving supervisor: required below {@link #UNAPPROVED_MIN_COURSE_LENGTH}, kept when given above */
    static String requireApprovalOfShortCourse(int length, String approvedBy) {
        if (approvedBy == null || approvedBy.isBlank()) {
            if (length < UNAPPROVED_MIN_COURSE_LENGTH) {
                throw new InvalidInput("approvedBy", "a course shorter than " + UNAPPROVED_MIN_COURSE_LENGTH
                        + " sessions needs a supervisor's approval");
            }
            return null;
        }
        return approvedBy.strip();
    }

    static void requireAdditionalSessions(int additionalSessions) {
        if (additionalSessions < 1) {
            throw new InvalidInput("additionalSessions", "must be at least 1");
        }
    }

    static final class AlreadyAssessed extends RuleViolation {
        AlreadyAssessed(String detail) {
            super("already-assessed", "The client has already been assessed", detail);
        }
    }

    static final class EpisodeNotReferred extends RuleViolation {
        EpisodeNotReferred(String detail) {
            super("episode-not-referred", "The episode is not awaiting assessment", detail);
        }
    }

    static final class EpisodeNotWaiting extends RuleViolation {
        EpisodeNotWaiting(String detail) {
            super("episode-not-waiting", "The client is not on the waiting list", detail);
        }
    }

    static final class EpisodeNotInTherapy extends RuleViolation {
        EpisodeNotInTherapy(String detail) {
            super("episode-not-in-therapy", "The episode is not in therapy", detail);
        }
    }

    static final class EpisodeEnded extends RuleViolation {
        EpisodeEnded(String detail) {
            super("episode-ended", "The episode has ended", detail);
        }
    }

    static final class CourseFull extends RuleViolation {
        CourseFull(String detail) {
            super("course-full", "The course is full", detail);
        }
    }

    static final class SessionOutOfOrder extends RuleViolation {
        SessionOutOfOrder(String detail) {
            super("session-out-of-order", "Sessions must follow one another in time", detail);
        }
    }

    static final class SessionNotBooked extends RuleViolation {
        SessionNotBooked(String detail) {
            super("session-not-booked", "The session is not booked", detail);
        }
    }

    static final class EarlierSessionUnresolved extends RuleViolation {
        EarlierSessionUnresolved(String detail) {
            super("earlier-session-unresolved", "An earlier session is still unresolved", detail);
        }
    }

    static final class FocusNotAgreed extends RuleViolation {
        FocusNotAgreed(String detail) {
            super("focus-not-agreed", "The IPAF focus must be agreed before session 5", detail);
        }
    }

    static final class SessionInFuture extends RuleViolation {
        SessionInFuture(String detail) {
            super("session-in-future", "The session has not started yet", detail);
        }
    }

    static final class NothingToCorrect extends RuleViolation {
        NothingToCorrect(String detail) {
            super("nothing-to-correct", "There is nothing to correct", detail);
        }
    }

    static final class NoSessionAttended extends RuleViolation {
        NoSessionAttended(String detail) {
            super("no-session-attended", "No session has been attended yet", detail);
        }
    }

    static final class EndingPhaseReached extends RuleViolation {
        EndingPhaseReached(String detail) {
            super("ending-phase-reached", "The ending phase has been reached", detail);
        }
    }

    static final class RevisionReasonRequired extends RuleViolation {
        RevisionReasonRequired(String detail) {
            super("revision-reason-required", "Revising the agreed focus needs a reason", detail);
        }
    }

    static final class EndingPhaseNotReached extends RuleViolation {
        EndingPhaseNotReached(String detail) {
            super("ending-phase-not-reached", "The ending phase has not been reached", detail);
        }
    }

    static final class GoodbyeLetterAlreadyShared extends RuleViolation {
        GoodbyeLetterAlreadyShared(String detail) {
            super("goodbye-letter-already-shared", "The goodbye letter has already been shared", detail);
        }
    }

    static final class CourseLengthExceeded extends RuleViolation {
        CourseLengthExceeded(String detail) {
            super("course-length-exceeded", "A course may not exceed 20 sessions", detail);
        }
    }

    static final class CourseLengthBelowMinimum extends RuleViolation {
        CourseLengthBelowMinimum(String detail) {
            super("course-length-below-minimum", "A course may not be shorter than 8 sessions", detail);
        }
    }

    static final class CourseNotShortened extends RuleViolation {
        CourseNotShortened(String detail) {
            super("course-not-shortened", "The new course length is not shorter", detail);
        }
    }

    static final class SessionsBeyondCourseLength extends RuleViolation {
        SessionsBeyondCourseLength(String detail) {
            super("sessions-beyond-course-length", "Sessions already booked or held exceed the new course length", detail);
        }
    }

    static final class CompletionRequirementsNotMet extends RuleViolation {
        CompletionRequirementsNotMet(String detail) {
            super("completion-requirements-not-met", "A completed course needs the ending phase and a shared goodbye letter",
                    detail);
        }
    }

    static final class SameTherapist extends RuleViolation {
        SameTherapist(String detail) {
            super("same-therapist", "The episode is already with that therapist", detail);
        }
    }

    static final class SessionNotAttended extends RuleViolation {
        SessionNotAttended(String detail) {
            super("session-not-attended", "The session was not attended", detail);
        }
    }

    static final class EpisodeNotEnded extends RuleViolation {
        EpisodeNotEnded(String detail) {
            super("episode-not-ended", "The episode has not ended", detail);
        }
    }

    static final class FollowUpAlreadyBooked extends RuleViolation {
        FollowUpAlreadyBooked(String detail) {
            super("follow-up-already-booked", "The follow-up is already booked", detail);
        }
    }

    static final class FollowUpBeforeEnding extends RuleViolation {
        FollowUpBeforeEnding(String detail) {
            super("follow-up-before-ending", "The follow-up must fall after the ending", detail);
        }
    }

    static final class FollowUpNotBooked extends RuleViolation {
        FollowUpNotBooked(String detail) {
            super("follow-up-not-booked", "No follow-up is booked", detail);
        }
    }

    static final class DateBeforeReferral extends RuleViolation {
        DateBeforeReferral(String detail) {
            super("date-before-referral", "The date is before the referral", detail);
        }
    }
}
