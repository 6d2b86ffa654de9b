package org.dit.query.facts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FollowUpAttended;
import org.dit.events.episode.FollowUpBooked;
import org.dit.events.episode.FollowUpMeasureRecorded;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.MeasureEnteredInError;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskAssessed;
import org.dit.events.episode.RiskIndicated;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionOutcomeCorrected;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapistReassigned;
import org.dit.events.episode.TherapyEnded;

/**
 * One client's episode told in domain language: each step appends the events the command side appends for that
 * workflow step, with consecutive sequence numbers, and folds them into {@link EpisodeFacts}. The client is
 * referred on Monday 5 January 2026 unless a test says otherwise; sessions are at 10:00 clinic time.
 */
public final class EpisodeHistories {

    public static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    public static final LocalDate REFERRED_ON = LocalDate.of(2026, 1, 5);
    public static final LocalDate ASSESSED_ON = LocalDate.of(2026, 1, 19);
    public static final LocalDate FIRST_SESSION_ON = LocalDate.of(2026, 2, 9);
    public static final LocalTime SESSION_TIME = LocalTime.of(10, 0);
    public static final int SESSION_MINUTES = 50;
    public static final int DAYS_BETWEEN_WEEKLY_SESSIONS = 7;

    static final EpisodeId EPISODE = EpisodeId.of("3b9e6a2c-5d1f-4e8a-b7c2-9f0e1d2c3b01");
    static final ClientId CLIENT = ClientId.of("a1c2e3f4-0b1d-4c5e-8f70-123456789abc");
    static final TherapistId THERAPIST = TherapistId.of("7d4c2b1a-0f9e-4d8c-a7b6-5e4d3c2b1a00");
    static final Focus FOCUS = new Focus("unlovable, has to earn a place", "critical and withholding",
            "shame turning to resentment", "keeps others at a distance before they can reject");
    static final String SUPERVISOR = "Dr A. Supervisor";

    private EpisodeHistories() {
    }

    public static EpisodeHistory referred() {
        return referredOn(REFERRED_ON);
    }

    public static EpisodeHistory referredOn(LocalDate date) {
        return new EpisodeHistory().with(new ClientReferred(EPISODE, CLIENT, "GP practice", date,
                PresentingProblem.MIXED, Priority.ROUTINE));
    }

    public static EpisodeHistory referredUrgentlyOn(LocalDate date) {
        return new EpisodeHistory().with(new ClientReferred(EPISODE, CLIENT, "GP practice", date,
                PresentingProblem.DEPRESSION, Priority.URGENT));
    }

    /** The instant a session on this clinic date starts. */
    public static Instant sessionStartOn(LocalDate date) {
        return date.atTime(SESSION_TIME).atZone(CLINIC_ZONE).toInstant();
    }

    /** Item scores that add up to the total, filling the first items first. */
    static List<Integer> itemsTotalling(Instrument instrument, int total) {
        if (total < 0 || total > instrument.maxTotal()) {
            throw new IllegalArgumentException(instrument + " total " + total + " outside 0-" + instrument.maxTotal());
        }
        List<Integer> items = new ArrayList<>();
        int remaining = total;
        for (int i = 0; i < instrument.itemCount(); i++) {
            int item = Math.min(Instrument.MAX_ITEM, remaining);
            items.add(item);
            remaining -= item;
        }
        return items;
    }

    public static final class EpisodeHistory {

        private final List<EpisodeEvent> events = new ArrayList<>();
        private final List<OutcomeMeasureRecorded> measures = new ArrayList<>();
        private EpisodeFacts facts = EpisodeFacts.none(EPISODE.value());
        private long sequence = -1;
        private LocalDate lastSessionOn;

        private EpisodeHistory() {
        }

        EpisodeHistory with(EpisodeEvent event) {
            events.add(event);
            facts = facts.apply(event, ++sequence);
            if (event instanceof OutcomeMeasureRecorded measure) {
                measures.add(measure);
            }
            return this;
        }

        public EpisodeFacts facts() {
            return facts;
        }

        public List<EpisodeEvent> events() {
            return List.copyOf(events);
        }

        /** Assessed as suitable with these totals (recorded as the assessment's measures) and put on the waiting list. */
        public EpisodeHistory assessed(int phq9, int gad7) {
            return assessedOn(ASSESSED_ON, phq9, gad7);
        }

        public EpisodeHistory assessedOn(LocalDate date, int phq9, int gad7) {
            with(new AssessmentCompleted(EPISODE, date, true, null));
            with(measure(Instrument.PHQ9, phq9, date, null));
            with(measure(Instrument.GAD7, gad7, date, null));
            return with(new ClientWaitlisted(EPISODE, date));
        }

        public EpisodeHistory allocatedOn(LocalDate date) {
            return with(new TherapistAllocated(EPISODE, THERAPIST, date));
        }

        /** Moved to another therapist with the bookings not yet held. */
        public EpisodeHistory reassignedOn(LocalDate date, TherapistId to) {
            List<Integer> booked = facts.liveSessions().stream().filter(s -> s.state() == SessionState.BOOKED)
                    .map(EpisodeFacts.SessionFact::number).toList();
            return with(new TherapistReassigned(EPISODE, new TherapistId(facts.therapistId()), to, date, "therapist leaving",
                    booked));
        }

        /** Books the lowest free session number at this instant (allocating the therapist that day if needed). */
        public EpisodeHistory bookedAt(Instant startsAt) {
            if (facts.status() == EpisodeStatus.WAITING) {
                allocatedOn(LocalDate.ofInstant(startsAt, CLINIC_ZONE));
            }
            return with(new SessionBooked(EPISODE, lowestFreeNumber(), THERAPIST, startsAt, SESSION_MINUTES,
                    SessionMode.IN_PERSON));
        }

        public EpisodeHistory bookedOn(LocalDate date) {
            lastSessionOn = date;
            return bookedAt(sessionStartOn(date));
        }

        public EpisodeHistory attendedAt(Instant startsAt) {
            bookedAt(startsAt);
            lastSessionOn = LocalDate.ofInstant(startsAt, CLINIC_ZONE);
            return with(new SessionAttended(EPISODE, newestBooking().number(), startsAt));
        }

        public EpisodeHistory attendedOn(LocalDate date) {
            bookedOn(date);
            return with(new SessionAttended(EPISODE, newestBooking().number(), sessionStartOn(date)));
        }

        /** Attended, completing both questionnaires in the session (recorded on the session's date). */
        public EpisodeHistory attendedOn(LocalDate date, int phq9, int gad7) {
            attendedOn(date);
            int number = newestBooking().number();
            with(measure(Instrument.PHQ9, phq9, date, number));
            return with(measure(Instrument.GAD7, gad7, date, number));
        }

        /** Attended, completing only one questionnaire in the session. */
        public EpisodeHistory attendedOn(LocalDate date, Instrument instrument, int total) {
            attendedOn(date);
            return with(measure(instrument, total, date, newestBooking().number()));
        }

        /** A questionnaire completed in the latest attended session, dated that session's clinic date. */
        public EpisodeHistory completedInSession(Instrument instrument, int total) {
            EpisodeFacts.SessionFact session = facts.attendedSessions().get(facts.attendedSessions().size() - 1);
            return with(measure(instrument, total, LocalDate.ofInstant(session.startsAt(), CLINIC_ZONE), session.number()));
        }

        public EpisodeHistory missedOn(LocalDate date) {
            bookedOn(date);
            return with(new SessionMissed(EPISODE, newestBooking().number(), sessionStartOn(date)));
        }

        /** The next sessions, a week apart: from {@link #FIRST_SESSION_ON}, or a week after the latest one. */
        public EpisodeHistory attendedWeekly(int sessions) {
            for (int i = 0; i < sessions; i++) {
                attendedOn(nextWeeklySession());
            }
            return this;
        }

        public EpisodeHistory missedWeekly(int sessions) {
            for (int i = 0; i < sessions; i++) {
                missedOn(nextWeeklySession());
            }
            return this;
        }

        public EpisodeHistory bookedWeekly() {
            return bookedOn(nextWeeklySession());
        }

        public LocalDate nextWeeklySession() {
            return lastSessionOn == null ? FIRST_SESSION_ON : lastSessionOn.plusDays(DAYS_BETWEEN_WEEKLY_SESSIONS);
        }

        public EpisodeHistory sessionCancelled(int number) {
            return with(new SessionCancelled(EPISODE, number, CancelledBy.CLIENT, "unwell"));
        }

        public EpisodeHistory attendanceCorrectedToMissed(int number) {
            return with(new SessionOutcomeCorrected(EPISODE, number, SessionOutcome.ATTENDED, SessionOutcome.MISSED,
                    "recorded against the wrong client"));
        }

        public EpisodeHistory missedCorrectedToAttended(int number) {
            return with(new SessionOutcomeCorrected(EPISODE, number, SessionOutcome.MISSED, SessionOutcome.ATTENDED,
                    "client arrived late; attendance was recorded too early"));
        }

        /** A questionnaire completed outside a session (by post, by phone) and dated that day. */
        public EpisodeHistory measureRecordedOn(LocalDate date, Instrument instrument, int total) {
            return with(measure(instrument, total, date, null));
        }

        /**
         * A PHQ-9 outside a session whose item 9 scores this, and the risk indication the command side raises with it
         * when that is 1 or more.
         */
        public EpisodeHistory phq9WithItem9On(LocalDate date, int item9) {
            List<Integer> items = new ArrayList<>(itemsTotalling(Instrument.PHQ9, 10));
            items.set(Instrument.PHQ9_SELF_HARM_ITEM - 1, item9);
            int total = items.stream().mapToInt(Integer::intValue).sum();
            MeasureId id = new MeasureId(UUID.nameUUIDFromBytes(("measure " + measures.size()).getBytes(StandardCharsets.UTF_8)));
            with(new OutcomeMeasureRecorded(EPISODE, id, Instrument.PHQ9, items, total, date, null));
            return item9 > 0 ? with(new RiskIndicated(EPISODE, id, item9, date)) : this;
        }

        public EpisodeHistory riskAssessedOn(LocalDate date, RiskLevel level, LocalDate reviewBy) {
            RiskAssessmentId id = new RiskAssessmentId(UUID.nameUUIDFromBytes(("risk " + events.size())
                    .getBytes(StandardCharsets.UTF_8)));
            return with(new RiskAssessed(EPISODE, id, date, level, level, RiskLevel.LOW, RiskLevel.LOW,
                    "Agreed who to call and when", "Discussed in supervision", reviewBy));
        }

        /** The n-th recorded measure of this instrument (1-based, in recording order) was entered in error. */
        public EpisodeHistory measureEnteredInError(Instrument instrument, int recordingOrdinal) {
            List<OutcomeMeasureRecorded> ofInstrument = measures.stream().filter(m -> m.instrument() == instrument).toList();
            return with(new MeasureEnteredInError(EPISODE, ofInstrument.get(recordingOrdinal - 1).measureId(),
                    "scores typed into the wrong questionnaire"));
        }

        public EpisodeHistory firstMeasureEnteredInError(Instrument instrument) {
            return measureEnteredInError(instrument, 1);
        }

        public EpisodeHistory latestMeasureEnteredInError(Instrument instrument) {
            return measureEnteredInError(instrument, (int) measures.stream().filter(m -> m.instrument() == instrument).count());
        }

        public EpisodeHistory focusAgreed() {
            return with(new FocusAgreed(EPISODE, FOCUS, facts.lastAttendedNumber()));
        }

        public EpisodeHistory goodbyeLetterSharedOn(LocalDate date) {
            return with(new GoodbyeLetterShared(EPISODE, date));
        }

        public EpisodeHistory courseShortenedTo(int courseLength) {
            return with(new CourseShortened(EPISODE, courseLength, facts.courseLength(), "focus worked through; ending early",
                    courseLength < 12 ? SUPERVISOR : null));
        }

        public EpisodeHistory courseExtendedBy(int additionalSessions) {
            return with(new CourseExtended(EPISODE, additionalSessions, facts.courseLength() + additionalSessions, SUPERVISOR,
                    "client engaging; ending brought up early losses"));
        }

        /** The follow-up after the ending, on this clinic date, attended with both questionnaires. */
        public EpisodeHistory followUpAttendedOn(LocalDate date, int phq9, int gad7) {
            Instant startsAt = sessionStartOn(date);
            with(new FollowUpBooked(EPISODE, THERAPIST, startsAt, SESSION_MINUTES, SessionMode.VIDEO));
            with(new FollowUpAttended(EPISODE, startsAt));
            with(new FollowUpMeasureRecorded(EPISODE, new MeasureId(UUID.nameUUIDFromBytes("follow-up PHQ-9".getBytes(
                    StandardCharsets.UTF_8))), Instrument.PHQ9, itemsTotalling(Instrument.PHQ9, phq9), phq9, date));
            return with(new FollowUpMeasureRecorded(EPISODE, new MeasureId(UUID.nameUUIDFromBytes("follow-up GAD-7".getBytes(
                    StandardCharsets.UTF_8))), Instrument.GAD7, itemsTotalling(Instrument.GAD7, gad7), gad7, date));
        }

        public EpisodeHistory followUpPhq9EnteredInError() {
            return with(new MeasureEnteredInError(EPISODE, new MeasureId(UUID.nameUUIDFromBytes("follow-up PHQ-9".getBytes(
                    StandardCharsets.UTF_8))), "another client's form"));
        }

        /** Therapy ended; open bookings are cancelled by the service, as the command side does. */
        public EpisodeHistory endedOn(LocalDate date, EndReason reason) {
            List<Integer> open = facts.liveSessions().stream().filter(s -> s.state() == SessionState.BOOKED)
                    .map(EpisodeFacts.SessionFact::number).toList();
            with(new TherapyEnded(EPISODE, date, reason));
            open.forEach(number -> with(new SessionCancelled(EPISODE, number, CancelledBy.SERVICE, "therapy ended")));
            return this;
        }

        private int lowestFreeNumber() {
            List<Integer> taken = facts.liveSessions().stream().map(EpisodeFacts.SessionFact::number).toList();
            int number = 1;
            while (taken.contains(number)) {
                number++;
            }
            return number;
        }

        private EpisodeFacts.SessionFact newestBooking() {
            return facts.sessions().get(facts.sessions().size() - 1);
        }

        private OutcomeMeasureRecorded measure(Instrument instrument, int total, LocalDate date, Integer session) {
            MeasureId id = new MeasureId(UUID.nameUUIDFromBytes(("measure " + measures.size()).getBytes(StandardCharsets.UTF_8)));
            return new OutcomeMeasureRecorded(EPISODE, id, instrument,
                    itemsTotalling(instrument, total), total, date, session);
        }
    }
}
