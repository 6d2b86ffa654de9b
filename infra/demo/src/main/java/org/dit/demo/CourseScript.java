package org.dit.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dit.command.episode.AgreeFocus;
import org.dit.command.episode.AllocateTherapist;
import org.dit.command.episode.BookFollowUp;
import org.dit.command.episode.BookSession;
import org.dit.command.episode.CancelSession;
import org.dit.command.episode.CorrectSessionOutcome;
import org.dit.command.episode.EndTherapy;
import org.dit.command.episode.ExtendCourse;
import org.dit.command.episode.MarkMeasureEnteredInError;
import org.dit.command.episode.RecordAttendance;
import org.dit.command.episode.RecordFollowUpAttendance;
import org.dit.command.episode.RecordMissedSession;
import org.dit.command.episode.RecordOutcomeMeasure;
import org.dit.command.episode.RecordRiskAssessment;
import org.dit.command.episode.RescheduleSession;
import org.dit.command.episode.ShareGoodbyeLetter;
import org.dit.command.episode.ShortenCourse;
import org.dit.command.episode.WriteSessionNote;
import org.dit.demo.DemoPlan.Step;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.RiskAssessmentId;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Focus;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionOutcome;

/**
 * One client's course with one therapist in one weekly slot, from allocation to today: the commands, in the order
 * and at the clinic times they happen, following the rules of {@code Episode} (one session booked ahead, earlier
 * sessions resolved first, the focus agreed before session 5, the letter in the ending phase, nothing recorded for
 * a session that has not happened). Sessions on or after today stay booked. Along the way some clients answer PHQ-9
 * item 9 above 0 and have their risk assessed (unless it happened in the last fortnight), some agree a shorter course,
 * sessions get notes, and completed courses may have a follow-up six weeks after the ending.
 */
final class CourseScript {

    static final int SESSION_MINUTES = 50;
    private static final int MAX_OCCASIONS = 60;
    private static final double CANCELLED = 0.045;
    private static final double MISSED = 0.065;
    private static final double RESCHEDULED = 0.03;
    private static final double HOLIDAY_GAP = 0.06;
    private static final double NOTED = 0.35;
    static final int HAND_OVER_AFTER = 3;
    private static final int FOLLOW_UP_WEEKS = 6;
    private static final int RISK_REVIEW_DAYS = 28;
    /** An item-9 indication this recent is left for the supervisor's worklist. */
    private static final int UNASSESSED_DAYS = 14;

    /**
     * Where the course stands today, and the caseload place and slot it held (heldUntil null: held still).
     *
     * @param handOver the number of steps after which the course could pass to another therapist (after the third
     *                 attended session while more follow), or -1
     */
    record Result(List<Step> steps, EpisodeStatus status, Phase phase, EndReason endReason, LocalDate endedOn,
                  int courseLength, int attended, Instant heldFrom, Instant heldUntil, List<Instant> spareTimes,
                  int handOver) {
    }

    private enum Outcome { ATTENDED, MISSED, CANCELLED, RESCHEDULED }

    private final EpisodeDraft draft;
    private final Fate fate;
    private final EpisodeId episodeId;
    private final Diary diary;
    private final Diary.Slot slot;
    private final LocalDate allocatedOn;
    private final LocalDate today;
    private final ZoneId zone;
    private final Random random;

    private final List<Step> steps = new ArrayList<>();
    private final List<Instant> spares = new ArrayList<>();
    private Instant cursor;
    private int courseLength = Phase.DEFAULT_COURSE_LENGTH;
    private int resolved;
    private int attended;
    private int lastAttended;
    private int openBookings;
    private int consecutiveMissed;
    private boolean focusAgreed;
    private boolean letterShared;
    private EndReason endReason;
    private LocalDate endedOn;
    private Instant heldUntil;
    private int handOver = -1;

    private int agreeAfter;
    private boolean hiddenWait;
    private int extendAt;
    private int extendBy;
    private int reviseAt;
    private int correctAt;
    private int errorAt;
    private boolean errorInSessionForm;
    private SessionMode mode;
    private Focus focus;
    private boolean bookTwoAhead;
    private boolean skipsQuestionnaires;
    private int riskAt;
    private int shortenAt;
    private int shortenTo;
    private boolean followsUp;

    CourseScript(EpisodeDraft draft, Diary diary, Diary.Slot slot, LocalDate allocatedOn, LocalDate today, ZoneId zone) {
        this.draft = draft;
        this.fate = draft.fate();
        this.episodeId = draft.id();
        this.diary = diary;
        this.slot = slot;
        this.allocatedOn = allocatedOn;
        this.today = today;
        this.zone = zone;
        this.random = new Random(draft.seed() * 31 + 7);
        this.cursor = draft.front().get(draft.front().size() - 1).at();
    }

    Result run() {
        drawProfile();
        Instant heldFrom = stepAt(at(allocatedOn, LocalTime.of(9, 0)),
                new AllocateTherapist(episodeId, diary.therapist().id(), allocatedOn));
        boolean book = fate != Fate.NOT_STARTED || random.nextDouble() < 0.6;
        if (book) {
            cursor = max(cursor, at(allocatedOn, LocalTime.of(10, 0)));
            deliver(occasions());
        }
        EpisodeStatus status = endReason == null ? EpisodeStatus.IN_THERAPY : EpisodeStatus.ENDED;
        return new Result(steps, status, phase(), endReason, endedOn, courseLength, attended, heldFrom, heldUntil, spares,
                handOver);
    }

    private void drawProfile() {
        double agree = random.nextDouble();
        agreeAfter = agree < 0.2 ? 2 : agree < 0.65 ? 3 : 4;
        hiddenWait = random.nextDouble() < 0.05 && !steady();
        boolean extend = random.nextDouble() < 0.08 && (fate == Fate.COMPLETED || fate == Fate.MIDDLE);
        extendAt = extend ? 6 + random.nextInt(4) : 0;
        extendBy = random.nextBoolean() ? 2 : 4;
        reviseAt = random.nextDouble() < 0.06 ? 6 + random.nextInt(3) : 0;
        correctAt = random.nextDouble() < 0.035 ? 2 + random.nextInt(5) : 0;
        errorAt = random.nextDouble() < 0.05 ? 2 + random.nextInt(7) : 0;
        errorInSessionForm = random.nextBoolean();
        double m = random.nextDouble();
        mode = m < 0.55 ? SessionMode.IN_PERSON : m < 0.9 ? SessionMode.VIDEO : SessionMode.PHONE;
        int f = random.nextInt(DemoTexts.FOCI.size());
        focus = DemoTexts.FOCI.get(f);
        bookTwoAhead = random.nextDouble() < 0.4;
        skipsQuestionnaires = random.nextDouble() < 0.05;
        riskAt = random.nextDouble() < 0.12 ? 2 + random.nextInt(6) : 0;
        boolean shorten = random.nextDouble() < 0.12 && fate == Fate.COMPLETED && extendAt == 0;
        shortenAt = shorten ? 5 + random.nextInt(2) : 0;
        shortenTo = random.nextBoolean() ? 12 : 10;
        followsUp = random.nextDouble() < 0.5;
    }

    /** Courses meant to stand at a given point today run without holidays or cancellations, so they get there. */
    private boolean steady() {
        return fate == Fate.FOCUS_OVERDUE || fate.inEndingPhase();
    }

    /** The days of the weekly slot this course uses: weekly, now and then a week off, rarely a long break after session 1. */
    private List<LocalDate> occasions() {
        LocalDate earliest = allocatedOn.plusDays(2);
        if (fate == Fate.NOT_STARTED && earliest.isBefore(today)) {
            earliest = today;
        }
        LocalDate day = earliest.with(TemporalAdjusters.nextOrSame(slot.day()));
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < MAX_OCCASIONS; i++) {
            days.add(day);
            boolean holiday = random.nextDouble() < HOLIDAY_GAP && !steady();
            day = day.plusWeeks(i == 0 && hiddenWait ? 5 + random.nextInt(2) : holiday ? 2 : 1);
        }
        return days;
    }

    private void deliver(List<LocalDate> occasions) {
        int lastPast = -1;
        for (int i = 0; i < occasions.size(); i++) {
            if (occasions.get(i).isBefore(today)) {
                lastPast = i;
            }
        }
        for (int i = 0; i < occasions.size(); i++) {
            if (resolved >= courseLength) {
                finishCourse();
                return;
            }
            LocalDate day = occasions.get(i);
            Instant start = at(day, slot.time());
            int number = book(start);
            if (!day.isBefore(today)) {
                if (bookTwoAhead && i + 1 < occasions.size() && resolved + 2 <= courseLength) {
                    book(at(occasions.get(i + 1), slot.time()));
                }
                return;
            }
            if (fate == Fate.FOCUS_OVERDUE && number > Phase.LAST_INITIAL_SESSION) {
                return;
            }
            Outcome outcome = decide(number, i, lastPast);
            if (outcome == Outcome.CANCELLED) {
                cancel(number, start);
                continue;
            }
            if (outcome == Outcome.RESCHEDULED) {
                Instant moved = reschedule(number, start, day);
                if (moved != null) {
                    start = moved;
                    day = LocalDate.ofInstant(moved, zone);
                    if (!day.isBefore(today)) {
                        return;
                    }
                }
                outcome = Outcome.ATTENDED;
            }
            cursor = max(cursor, start.plus(Duration.ofMinutes(SESSION_MINUTES)));
            if (outcome == Outcome.ATTENDED && number > Phase.LAST_INITIAL_SESSION && !focusAgreed) {
                if (lastAttended == 0) {
                    outcome = Outcome.MISSED;
                } else {
                    agreeFocus();
                }
            }
            if (outcome == Outcome.ATTENDED) {
                attend(number, day);
            } else {
                step(new RecordMissedSession(episodeId, number));
                openBookings--;
                resolved++;
                consecutiveMissed++;
            }
            if (endsAfter(outcome)) {
                if (resolved < courseLength && i + 1 < occasions.size()) {
                    book(at(occasions.get(i + 1), slot.time()));
                }
                int after = fate == Fate.DROPPED_OUT ? 3 + random.nextInt(4) : 1 + random.nextInt(5);
                end(day.plusDays(after), reasonFor(fate));
                return;
            }
        }
    }

    private Outcome decide(int number, int occasion, int lastPast) {
        double u = random.nextDouble();
        if (fate == Fate.TWO_MISSED && occasion >= lastPast - 1) {
            return Outcome.MISSED;
        }
        if (attended >= draft.leaveAfter() && fate == Fate.DROPPED_OUT) {
            return Outcome.MISSED;
        }
        boolean mustAttend = (fate == Fate.FOCUS_OVERDUE && number <= Phase.LAST_INITIAL_SESSION)
                || (fate == Fate.COMPLETED && number > courseLength - Phase.ENDING_SESSIONS)
                || (fate.inEndingPhase() && number >= 12);
        if (mustAttend) {
            return Outcome.ATTENDED;
        }
        if (u < CANCELLED) {
            return steady() ? Outcome.ATTENDED : Outcome.CANCELLED;
        }
        if (u < CANCELLED + MISSED) {
            return Outcome.MISSED;
        }
        if (u < CANCELLED + MISSED + RESCHEDULED && !steady()) {
            return Outcome.RESCHEDULED;
        }
        return Outcome.ATTENDED;
    }

    private boolean endsAfter(Outcome outcome) {
        return switch (fate) {
            case DROPPED_OUT -> attended >= draft.leaveAfter() && consecutiveMissed >= 2;
            case REFERRED_ON, OTHER_ENDING -> outcome == Outcome.ATTENDED && attended >= draft.leaveAfter();
            default -> false;
        };
    }

    /** Books the next session; the aggregate gives it the lowest number not held, which is the one after those held. */
    private int book(Instant start) {
        int number = resolved + openBookings + 1;
        steps.add(new Step(next(cursor), new BookSession(episodeId, start, SESSION_MINUTES, mode), number));
        cursor = steps.get(steps.size() - 1).at();
        openBookings++;
        return number;
    }

    private void cancel(int number, Instant start) {
        double who = random.nextDouble();
        CancelledBy by = who < 0.7 ? CancelledBy.CLIENT : who < 0.93 ? CancelledBy.THERAPIST : CancelledBy.SERVICE;
        String reason = DemoTexts.pick(switch (by) {
            case CLIENT -> DemoTexts.CLIENT_CANCELLATIONS;
            case THERAPIST -> DemoTexts.THERAPIST_CANCELLATIONS;
            case SERVICE -> DemoTexts.SERVICE_CANCELLATIONS;
        }, random);
        stepAt(start.minus(Duration.ofDays(1)), new CancelSession(episodeId, number, by, reason));
        openBookings--;
    }

    /** Moves the session to a spare hour the day after (a Friday's to Thursday); null when no spare hour is free. */
    private Instant reschedule(int number, Instant start, LocalDate day) {
        LocalDate target = day.getDayOfWeek() == DayOfWeek.FRIDAY ? day.minusDays(1) : day.plusDays(1);
        for (LocalTime hour : Diary.SPARE_HOURS) {
            Instant moved = at(target, hour);
            if (diary.spareFree(moved) && !spares.contains(moved)) {
                spares.add(moved);
                stepAt(start.minus(Duration.ofDays(2)), new RescheduleSession(episodeId, number, moved));
                return moved;
            }
        }
        return null;
    }

    private void attend(int number, LocalDate day) {
        openBookings--;
        boolean riskIndicated = false;
        if (number == correctAt) {
            step(new RecordMissedSession(episodeId, number));
            step(new CorrectSessionOutcome(episodeId, number, SessionOutcome.ATTENDED, DemoTexts.MISSED_IN_ERROR));
        } else {
            riskIndicated = recordAttendance(number, day);
        }
        resolved++;
        attended++;
        lastAttended = number;
        consecutiveMissed = 0;
        if (random.nextDouble() < NOTED) {
            step(new WriteSessionNote(episodeId, number, DemoTexts.pick(DemoTexts.SESSION_NOTES, random)));
        }
        if (riskIndicated && day.isBefore(today.minusDays(UNASSESSED_DAYS))) {
            assessRisk(day);
        }
        if (number == shortenAt && resolved + openBookings <= shortenTo && courseLength > shortenTo) {
            step(new ShortenCourse(episodeId, shortenTo, DemoTexts.pick(DemoTexts.SHORTER_COURSE_REASONS, random),
                    shortenTo < 12 ? diary.therapist().approver() : null));
            courseLength = shortenTo;
        }
        if (!focusAgreed && fate != Fate.FOCUS_OVERDUE && number >= agreeAfter && phase() != Phase.ENDING) {
            agreeFocus();
        } else if (focusAgreed && number == reviseAt && phase() != Phase.ENDING) {
            Focus revised = DemoTexts.FOCI.get((DemoTexts.FOCI.indexOf(focus) + 1) % DemoTexts.FOCI.size());
            step(new AgreeFocus(episodeId, revised, DemoTexts.pick(DemoTexts.REVISION_REASONS, random)));
            focus = revised;
        }
        if (number == extendAt && courseLength + extendBy <= Phase.MAX_COURSE_LENGTH) {
            step(new ExtendCourse(episodeId, extendBy, diary.therapist().approver(),
                    DemoTexts.pick(DemoTexts.EXTENSION_REASONS, random)));
            courseLength += extendBy;
        }
        if (phase() == Phase.ENDING && !letterShared && wantsLetterNow(number)) {
            step(new ShareGoodbyeLetter(episodeId, day));
            letterShared = true;
        }
        if (attended == HAND_OVER_AFTER) {
            handOver = steps.size();
        }
    }

    /** The therapist assesses the risk the same day: a safety plan, and a review in four weeks. */
    private void assessRisk(LocalDate day) {
        RiskLevel level = random.nextDouble() < 0.3 ? RiskLevel.HIGH : RiskLevel.MODERATE;
        step(new RecordRiskAssessment(episodeId, new RiskAssessmentId(ClinicPlanner.uuid(random)), day, level, level,
                RiskLevel.LOW, random.nextDouble() < 0.2 ? RiskLevel.MODERATE : RiskLevel.LOW,
                DemoTexts.pick(DemoTexts.SAFETY_PLANS, random), DemoTexts.pick(DemoTexts.RISK_ACTIONS, random),
                day.plusDays(RISK_REVIEW_DAYS)));
    }

    private boolean wantsLetterNow(int number) {
        return switch (fate) {
            case LETTER_DUE -> false;
            case ENDING -> true;
            default -> number >= courseLength || random.nextDouble() < 0.5;
        };
    }

    /** @return whether the session's PHQ-9 raised a risk indication */
    private boolean recordAttendance(int number, LocalDate day) {
        Scores scores = draft.scores();
        int phq9 = scores.phq9At(number, courseLength, random);
        int gad7 = scores.gad7At(number, courseLength, random);
        double given = random.nextDouble();
        boolean withPhq9 = given < (skipsQuestionnaires ? 0.1 : 0.91);
        boolean withGad7 = given < 0.85 && !skipsQuestionnaires;
        boolean selfHarmThoughts = number == riskAt && withPhq9 && number != errorAt;
        List<Integer> phq9Items = !withPhq9 ? null : selfHarmThoughts ? Scores.phq9WithItem9(phq9, 1 + random.nextInt(2), random)
                : Scores.items(Instrument.PHQ9, phq9, random);
        List<Integer> gad7Items = withGad7 ? Scores.items(Instrument.GAD7, gad7, random) : null;
        MeasureId phq9Id = withPhq9 ? new MeasureId(ClinicPlanner.uuid(random)) : null;
        MeasureId gad7Id = withGad7 ? new MeasureId(ClinicPlanner.uuid(random)) : null;
        boolean error = number == errorAt && withPhq9 && withGad7;
        if (error && errorInSessionForm) {
            List<Integer> wrong = Scores.items(Instrument.PHQ9, Math.min(27, phq9 + 7 + random.nextInt(5)), random);
            step(new RecordAttendance(episodeId, number, wrong, gad7Items, phq9Id, gad7Id));
            step(new MarkMeasureEnteredInError(episodeId, phq9Id, DemoTexts.WRONG_FORM));
            step(new RecordOutcomeMeasure(episodeId, new MeasureId(ClinicPlanner.uuid(random)), Instrument.PHQ9, phq9Items,
                    day));
            return false;
        }
        step(new RecordAttendance(episodeId, number, phq9Items, gad7Items, phq9Id, gad7Id));
        if (error) {
            MeasureId stray = new MeasureId(ClinicPlanner.uuid(random));
            step(new RecordOutcomeMeasure(episodeId, stray, Instrument.GAD7,
                    Scores.items(Instrument.GAD7, 3 + random.nextInt(18), random), day));
            step(new MarkMeasureEnteredInError(episodeId, stray, DemoTexts.WRONG_RECORD));
        }
        return selfHarmThoughts;
    }

    private void agreeFocus() {
        step(new AgreeFocus(episodeId, focus, null));
        focusAgreed = true;
    }

    /** All sessions of the course are resolved: a completed course ends, a running one waits for its ending. */
    private void finishCourse() {
        if (fate.ongoing()) {
            return;
        }
        LocalDate last = LocalDate.ofInstant(cursor, zone);
        EndReason reason = reasonFor(fate);
        if (reason == EndReason.COMPLETED && (phase() != Phase.ENDING || !letterShared)) {
            reason = EndReason.OTHER;
        }
        end(last.plusDays(random.nextInt(8)), reason);
    }

    /** Ends the course on that day, or yesterday at the latest: an ending is never dated in the future. */
    private void end(LocalDate day, EndReason reason) {
        LocalDate latest = today.minusDays(1);
        endedOn = day.isAfter(latest) ? latest : day;
        heldUntil = stepAt(at(endedOn, LocalTime.of(17, 30)), new EndTherapy(episodeId, endedOn, reason));
        endReason = reason;
        if (reason == EndReason.COMPLETED && followsUp) {
            followUp(endedOn.plusWeeks(FOLLOW_UP_WEEKS));
        }
    }

    /**
     * Books the follow-up at a spare hour of that day (no weekly slot uses them), and records it with both
     * questionnaires once the day has passed; nothing when both spare hours are taken.
     */
    private void followUp(LocalDate day) {
        for (LocalTime hour : Diary.SPARE_HOURS) {
            Instant startsAt = at(day, hour);
            if (!diary.spareFree(startsAt) || spares.contains(startsAt)) {
                continue;
            }
            spares.add(startsAt);
            step(new BookFollowUp(episodeId, startsAt, SESSION_MINUTES, mode));
            if (day.isBefore(today)) {
                Scores scores = draft.scores();
                int phq9 = Scores.clamp(scores.phq9End() + random.nextInt(5) - 1, 0, Instrument.PHQ9.maxTotal());
                int gad7 = Scores.clamp(scores.gad7End() + random.nextInt(4) - 1, 0, Instrument.GAD7.maxTotal());
                stepAt(startsAt.plus(Duration.ofMinutes(SESSION_MINUTES)), new RecordFollowUpAttendance(episodeId,
                        Scores.items(Instrument.PHQ9, phq9, random), Scores.items(Instrument.GAD7, gad7, random),
                        new MeasureId(ClinicPlanner.uuid(random)), new MeasureId(ClinicPlanner.uuid(random))));
            }
            return;
        }
    }

    private static EndReason reasonFor(Fate fate) {
        return switch (fate) {
            case DROPPED_OUT -> EndReason.DROPPED_OUT;
            case REFERRED_ON -> EndReason.REFERRED_ON;
            case OTHER_ENDING -> EndReason.OTHER;
            default -> EndReason.COMPLETED;
        };
    }

    private Phase phase() {
        return Phase.of(lastAttended, courseLength);
    }

    private Instant step(Object command) {
        return stepAt(cursor, command);
    }

    /** Adds the command at the wanted time, or just after the previous step when that is later: steps never go back. */
    private Instant stepAt(Instant wanted, Object command) {
        Instant at = max(wanted, next(cursor));
        steps.add(new Step(at, command));
        cursor = at;
        return at;
    }

    private static Instant next(Instant t) {
        return t.plusSeconds(1);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }
}
