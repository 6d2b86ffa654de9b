package org.dit.command.episode;

import static org.dit.command.therapist.Therapists.THERAPIST;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dit.command.client.InMemoryClientRegistry;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.RiskAssessmentId;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.CourseExtended;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.Phase;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskAssessed;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;

/**
 * One client's episode of care as the tests tell it: a referral in January, assessment, a therapist from
 * February and weekly Monday sessions; "today" is Monday 15 June 2026. History methods return the events
 * a {@code given(...)} replays.
 */
final class Episodes {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2026-06-15T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, LONDON);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final Instant LATER_TODAY = NOW.plus(Duration.ofHours(2));

    static final EpisodeId EPISODE = EpisodeId.of("3b9e6a2c-5d1f-4e8a-b7c2-9f0e1d2c3b01");
    /** Another client's episode with the same therapist. */
    static final EpisodeId ANOTHER_EPISODE = EpisodeId.of("3b9e6a2c-5d1f-4e8a-b7c2-9f0e1d2c3b02");
    static final ClientId CLIENT = ClientId.of("a1c2e3f4-0b1d-4c5e-8f70-123456789abc");
    /** NHS number 999 000 0034: a test number, never issued to a person. */
    static final String CLIENT_NHS_NUMBER = "9990000034";

    /** The client registered and in no other episode. */
    static InMemoryClientRegistry clientRegistry() {
        return new InMemoryClientRegistry().registered(CLIENT, CLIENT_NHS_NUMBER);
    }

    static final String REFERRAL_SOURCE = "GP practice";
    static final PresentingProblem PROBLEM = PresentingProblem.DEPRESSION;
    static final Priority PRIORITY = Priority.ROUTINE;
    static final LocalDate REFERRED_ON = LocalDate.of(2026, 1, 5);
    static final LocalDate BEFORE_REFERRAL = REFERRED_ON.minusDays(1);
    static final LocalDate ASSESSED_ON = LocalDate.of(2026, 1, 19);
    static final String ASSESSMENT_NOTES = "Low mood since a falling-out with her sister; wants to understand the pattern.";
    static final LocalDate ALLOCATED_ON = LocalDate.of(2026, 2, 2);
    static final LocalDate LETTER_SHARED_ON = LocalDate.of(2026, 5, 11);
    static final LocalDate DROPPED_OUT_ON = LocalDate.of(2026, 3, 2);

    /** Session 1 on Monday 9 February 2026 at 10:00 (GMT), then one a week at the same instant. */
    static final Instant FIRST_SESSION_AT = Instant.parse("2026-02-09T10:00:00Z");
    static final int SESSION_MINUTES = 50;
    static final SessionMode MODE = SessionMode.IN_PERSON;

    static final MeasureId ASSESSMENT_PHQ9 = MeasureId.of("c0ffee00-0000-4000-8000-000000000001");
    static final MeasureId ASSESSMENT_GAD7 = MeasureId.of("c0ffee00-0000-4000-8000-000000000002");
    static final MeasureId SESSION_PHQ9 = MeasureId.of("c0ffee00-0000-4000-8000-000000000003");
    static final MeasureId SESSION_GAD7 = MeasureId.of("c0ffee00-0000-4000-8000-000000000004");
    static final MeasureId NEW_MEASURE = MeasureId.of("c0ffee00-0000-4000-8000-000000000005");
    static final MeasureId UNKNOWN_MEASURE = MeasureId.of("c0ffee00-0000-4000-8000-0000000000ff");

    /** Moderately severe depression at assessment, no thoughts of self-harm (item 9 is 0). */
    static final List<Integer> PHQ9_AT_ASSESSMENT = List.of(2, 2, 2, 2, 1, 2, 2, 2, 0);
    static final int PHQ9_AT_ASSESSMENT_TOTAL = 15;
    /** Moderate anxiety at assessment. */
    static final List<Integer> GAD7_AT_ASSESSMENT = List.of(2, 2, 1, 2, 1, 1, 2);
    static final int GAD7_AT_ASSESSMENT_TOTAL = 11;
    static final List<Integer> PHQ9_IN_SESSION = List.of(1, 1, 1, 1, 0, 1, 1, 1, 0);
    static final int PHQ9_IN_SESSION_TOTAL = 7;
    static final List<Integer> GAD7_IN_SESSION = List.of(1, 1, 0, 1, 0, 1, 1);
    static final int GAD7_IN_SESSION_TOTAL = 5;
    /** The session's PHQ-9 with item 9 (thoughts of self-harm) scored 1: the lowest score that raises a risk indication. */
    static final List<Integer> PHQ9_ITEM9_ONE = List.of(1, 1, 1, 1, 0, 1, 1, 0, 1);
    static final int PHQ9_ITEM9_ONE_TOTAL = 7;
    static final List<Integer> PHQ9_MISSING_AN_ITEM = PHQ9_AT_ASSESSMENT.subList(0, 8);
    static final List<Integer> GAD7_WITH_AN_ITEM_OF_FOUR = List.of(2, 2, 1, 4, 1, 1, 2);

    static final Focus FOCUS = new Focus("a burden who must not ask for anything", "a critical, withholding sister",
            "resentment turning to guilt", "keeps others from leaving by never needing them");
    static final Focus REVISED_FOCUS = new Focus("someone who has to earn care", "a parent who is kind only when pleased",
            "shame", "avoids the risk of being refused");
    static final String REVISION_REASON = "The pattern shows more clearly with her mother than with her sister.";

    static final RiskAssessmentId RISK_ASSESSMENT = RiskAssessmentId.of("5afe0000-0000-4000-8000-000000000001");
    static final String SAFETY_PLAN = "Calls her sister when the thoughts come; crisis line number saved in her phone.";
    static final String RISK_ACTIONS = "GP informed with consent; discussed in supervision.";
    static final LocalDate REVIEW_BY = TODAY.plusDays(14);

    static final String SUPERVISOR_NAME = "Dr Jordan Lee";
    static final String EXTENSION_REASON = "Bereavement in week 10 interrupted the middle phase.";
    static final String CORRECTION_REASON = "Attendance was recorded against the wrong client.";
    static final String ERROR_REASON = "Scores were transcribed from another client's form.";
    static final String CANCELLATION_REASON = "Unwell";

    private Episodes() {
    }

    static Instant startOf(int session) {
        return FIRST_SESSION_AT.plus(Duration.ofDays(7L * (session - 1)));
    }

    static Instant endOf(int session) {
        return startOf(session).plus(Duration.ofMinutes(SESSION_MINUTES));
    }

    // Histories

    static List<Object> referred() {
        return List.of(new ClientReferred(EPISODE, CLIENT, REFERRAL_SOURCE, REFERRED_ON, PROBLEM, PRIORITY));
    }

    /** Withdrawn after referral, before being assessed. */
    static List<Object> withdrawnBeforeAssessment() {
        return and(referred(), new TherapyEnded(EPISODE, ASSESSED_ON, EndReason.CLIENT_WITHDREW));
    }

    /** Assessed as suitable and on the waiting list. */
    static List<Object> waiting() {
        return and(assessed(true), new ClientWaitlisted(EPISODE, ASSESSED_ON));
    }

    static List<Object> assessedNotSuitable() {
        return and(assessed(false), new TherapyEnded(EPISODE, ASSESSED_ON, EndReason.NOT_SUITABLE));
    }

    /** A therapist is allocated; no session booked yet. */
    static List<Object> inTherapy() {
        return and(waiting(), new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));
    }

    /** In therapy with sessions 1 to n booked, weekly, none held yet. */
    static List<Object> withSessionsBooked(int n) {
        List<Object> history = new ArrayList<>(inTherapy());
        for (int session = 1; session <= n; session++) {
            history.add(booked(session));
        }
        return List.copyOf(history);
    }

    /** Sessions 1 to n attended; the focus is agreed after session 4 when the course goes beyond it, as the rules require. */
    static List<Object> withSessionsAttended(int n) {
        List<Object> history = new ArrayList<>(inTherapy());
        for (int session = 1; session <= n; session++) {
            history.add(booked(session));
            history.add(attended(session));
            if (session == Phase.LAST_INITIAL_SESSION && n > Phase.LAST_INITIAL_SESSION) {
                history.add(focusAgreed(session));
            }
        }
        return List.copyOf(history);
    }

    /** Session 13 of 16 attended: the ending phase, goodbye letter not shared yet. */
    static List<Object> inEndingPhase() {
        return withSessionsAttended(16 - Phase.ENDING_SESSIONS + 1);
    }

    static List<Object> inEndingPhaseWithLetterShared() {
        return and(inEndingPhase(), letterShared());
    }

    /** All 16 sessions attended and the goodbye letter shared: ready to end as COMPLETED. */
    static List<Object> courseCompleted() {
        return and(withSessionsAttended(Phase.DEFAULT_COURSE_LENGTH), letterShared());
    }

    /** Two sessions attended, then the client dropped out. */
    static List<Object> droppedOut() {
        return and(withSessionsAttended(2), new TherapyEnded(EPISODE, DROPPED_OUT_ON, EndReason.DROPPED_OUT));
    }

    static List<Object> and(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return List.copyOf(events);
    }

    // Events

    static SessionBooked booked(int session) {
        return new SessionBooked(EPISODE, session, THERAPIST, startOf(session), SESSION_MINUTES, MODE);
    }

    static SessionBooked bookedAt(int session, Instant startsAt) {
        return new SessionBooked(EPISODE, session, THERAPIST, startsAt, SESSION_MINUTES, MODE);
    }

    static SessionAttended attended(int session) {
        return new SessionAttended(EPISODE, session, startOf(session));
    }

    static SessionMissed missed(int session) {
        return new SessionMissed(EPISODE, session, startOf(session));
    }

    static SessionCancelled cancelledByClient(int session) {
        return new SessionCancelled(EPISODE, session, CancelledBy.CLIENT, CANCELLATION_REASON);
    }

    static SessionCancelled cancelledAtEnding(int session) {
        return new SessionCancelled(EPISODE, session, CancelledBy.SERVICE, "therapy ended");
    }

    static FocusAgreed focusAgreed(int afterSession) {
        return new FocusAgreed(EPISODE, FOCUS, afterSession);
    }

    static GoodbyeLetterShared letterShared() {
        return new GoodbyeLetterShared(EPISODE, LETTER_SHARED_ON);
    }

    static CourseExtended extendedBy(int additionalSessions, int courseLength) {
        return new CourseExtended(EPISODE, additionalSessions, courseLength, SUPERVISOR_NAME, EXTENSION_REASON);
    }

    static OutcomeMeasureRecorded phq9AtAssessment() {
        return new OutcomeMeasureRecorded(EPISODE, ASSESSMENT_PHQ9, Instrument.PHQ9, PHQ9_AT_ASSESSMENT,
                PHQ9_AT_ASSESSMENT_TOTAL, ASSESSED_ON, null);
    }

    static OutcomeMeasureRecorded gad7AtAssessment() {
        return new OutcomeMeasureRecorded(EPISODE, ASSESSMENT_GAD7, Instrument.GAD7, GAD7_AT_ASSESSMENT,
                GAD7_AT_ASSESSMENT_TOTAL, ASSESSED_ON, null);
    }

    static RiskAssessed riskAssessed(RiskLevel level, LocalDate assessedOn) {
        return new RiskAssessed(EPISODE, RISK_ASSESSMENT, assessedOn, level, level, RiskLevel.LOW, RiskLevel.LOW, SAFETY_PLAN,
                RISK_ACTIONS, REVIEW_BY);
    }

    // Commands

    static RecordRiskAssessment riskAssessment(RiskLevel level, LocalDate assessedOn, LocalDate reviewBy) {
        return new RecordRiskAssessment(EPISODE, RISK_ASSESSMENT, assessedOn, level, level, RiskLevel.LOW, RiskLevel.LOW,
                SAFETY_PLAN, RISK_ACTIONS, reviewBy);
    }

    static ReferClient referral() {
        return new ReferClient(EPISODE, CLIENT, REFERRAL_SOURCE, REFERRED_ON, PROBLEM, PRIORITY);
    }

    static RecordAssessment assessment(boolean suitable) {
        return new RecordAssessment(EPISODE, ASSESSED_ON, suitable, PHQ9_AT_ASSESSMENT, GAD7_AT_ASSESSMENT,
                ASSESSMENT_NOTES, ASSESSMENT_PHQ9, ASSESSMENT_GAD7);
    }

    static RecordAssessment assessmentScoring(List<Integer> phq9, List<Integer> gad7) {
        return new RecordAssessment(EPISODE, ASSESSED_ON, true, phq9, gad7, ASSESSMENT_NOTES, ASSESSMENT_PHQ9, ASSESSMENT_GAD7);
    }

    static BookSession bookingAt(Instant startsAt) {
        return new BookSession(EPISODE, startsAt, SESSION_MINUTES, MODE);
    }

    static RecordAttendance attendance(int session) {
        return new RecordAttendance(EPISODE, session, null, null, null, null);
    }

    static RecordAttendance attendanceWithMeasures(int session) {
        return new RecordAttendance(EPISODE, session, PHQ9_IN_SESSION, GAD7_IN_SESSION, SESSION_PHQ9, SESSION_GAD7);
    }

    private static List<Object> assessed(boolean suitable) {
        return and(referred(), new AssessmentCompleted(EPISODE, ASSESSED_ON, suitable, ASSESSMENT_NOTES),
                phq9AtAssessment(), gad7AtAssessment());
    }
}
