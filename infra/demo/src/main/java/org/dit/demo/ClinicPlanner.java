package org.dit.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.dit.command.client.RegisterClient;
import org.dit.command.episode.EndTherapy;
import org.dit.command.episode.ReassignTherapist;
import org.dit.command.episode.RecordAssessment;
import org.dit.command.episode.RecordRiskAssessment;
import org.dit.command.episode.ReferClient;
import org.dit.command.therapist.ChangeMaxCaseload;
import org.dit.command.therapist.DeactivateTherapist;
import org.dit.command.therapist.RegisterTherapist;
import org.dit.demo.DemoPlan.EpisodePlan;
import org.dit.demo.DemoPlan.Step;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.RiskAssessmentId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskLevel;
import org.dit.events.therapist.Accreditation;

/**
 * Works out the demo clinic: its therapists, then for each episode a fate (see {@link Fate}), dates that suit it
 * and, for clients who reach therapy, a therapist and weekly slot free for the whole course. Now and then a course
 * passes to a colleague free in the same slot; a therapist who joined, had their caseload cut and left again shows
 * those steps. Pure: it sends nothing, and the same seed and the same day give the same plan.
 */
final class ClinicPlanner {

    static final int MONTHS_OF_HISTORY = 18;
    private static final int[] QUALIFIED_CASELOADS = {20, 16, 18, 14, 12};
    private static final int[] TRAINEE_CASELOADS = {10, 8, 8};
    private static final int ALLOCATION_ATTEMPTS = 30;
    /** The first course that reaches a fourth session, then about one in this many, passes to a colleague after its third. */
    private static final int HAND_OVER_ONE_IN = 12;
    private static final int URGENT_ASSESSMENT_DAYS = 7;
    private static final int LEAVER_CASELOAD = 6;
    private static final int LEAVER_CUT_TO = 4;

    private final Random random;
    private final LocalDate today;
    private final ZoneId zone;
    private final int size;
    private final LocalDate start;
    private final DemoClients clients = new DemoClients();
    private int handedOver;
    private boolean urgentUnseen;

    ClinicPlanner(Random random, LocalDate today, ZoneId zone, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("the demo needs at least one episode");
        }
        this.random = random;
        this.today = today;
        this.zone = zone;
        this.size = size;
        this.start = today.minusMonths(MONTHS_OF_HISTORY);
    }

    DemoPlan plan() {
        List<DemoTherapist> therapists = therapists();
        List<Step> registrations = new ArrayList<>();
        Instant opened = at(start.minusDays(14), LocalTime.of(9, 0));
        for (DemoTherapist t : therapists) {
            opened = opened.plusSeconds(60);
            registrations.add(new Step(opened, new RegisterTherapist(t.id(), t.name(), t.accreditation(), t.supervisorId(),
                    t.maxCaseload())));
        }
        registrations.addAll(leaver(opened.plusSeconds(60)));
        List<Diary> diaries = therapists.stream().map(t -> new Diary(t, random)).toList();

        List<EpisodeDraft> drafts = fates().stream().map(this::draft).toList();
        Map<EpisodeId, EpisodePlan> planned = new HashMap<>();
        // Courses meant to be running today go first: their dates are the tightest.
        drafts.stream().filter(d -> d.fate().ongoing()).forEach(d -> planned.put(d.id(), place(d, diaries)));
        drafts.stream().filter(d -> d.fate().treated() && !d.fate().ongoing())
                .forEach(d -> planned.put(d.id(), place(d, diaries)));
        drafts.stream().filter(d -> !d.fate().treated()).forEach(d -> planned.put(d.id(), untreated(d)));
        return new DemoPlan(today, therapists, registrations, drafts.stream().map(d -> planned.get(d.id())).toList());
    }

    private List<DemoTherapist> therapists() {
        List<DemoTherapist> therapists = new ArrayList<>();
        for (int i = 0; i < QUALIFIED_CASELOADS.length; i++) {
            String approver = DemoTexts.QUALIFIED_NAMES.get(i == 0 ? 1 : 0);
            therapists.add(new DemoTherapist(new TherapistId(uuid(random)), DemoTexts.QUALIFIED_NAMES.get(i),
                    Accreditation.QUALIFIED, null, QUALIFIED_CASELOADS[i], approver));
        }
        for (int i = 0; i < TRAINEE_CASELOADS.length; i++) {
            DemoTherapist supervisor = therapists.get(i % 2);
            therapists.add(new DemoTherapist(new TherapistId(uuid(random)), DemoTexts.TRAINEE_NAMES.get(i),
                    Accreditation.IN_TRAINING, supervisor.id(), TRAINEE_CASELOADS[i], supervisor.name()));
        }
        return therapists;
    }

    /** A therapist who joined with the others, had the caseload cut, and left before taking any client. */
    private List<Step> leaver(Instant joined) {
        TherapistId id = new TherapistId(uuid(random));
        return List.of(
                new Step(joined, new RegisterTherapist(id, DemoTexts.LEAVER_NAME, Accreditation.QUALIFIED, null, LEAVER_CASELOAD)),
                new Step(joined.plusSeconds(60), new ChangeMaxCaseload(id, LEAVER_CUT_TO)),
                new Step(joined.plusSeconds(120), new DeactivateTherapist(id, DemoTexts.LEAVING)));
    }

    /** Each fate's share of the episodes, at least one of each; completed courses take up the rounding. */
    private List<Fate> fates() {
        Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
        int total = 0;
        for (Fate fate : Fate.values()) {
            int n = fate == Fate.COMPLETED ? 0 : Math.max(1, (int) Math.round(fate.share * size));
            counts.put(fate, n);
            total += n;
        }
        counts.put(Fate.COMPLETED, Math.max(0, size - total));
        List<Fate> fates = new ArrayList<>();
        counts.forEach((fate, n) -> fates.addAll(Collections.nCopies(n, fate)));
        Collections.shuffle(fates, random);
        return fates.subList(0, size);
    }

    private EpisodeDraft draft(Fate fate) {
        EpisodeId id = new EpisodeId(uuid(random));
        ClientId client = new ClientId(uuid(random));
        long seed = random.nextLong();
        Random r = new Random(seed);
        Scores scores = Scores.draw(r);
        Priority priority = r.nextDouble() < (fate == Fate.WAITING ? 0.2 : 0.1) ? Priority.URGENT : Priority.ROUTINE;
        double p = r.nextDouble();
        PresentingProblem problem = p < 0.45 ? PresentingProblem.DEPRESSION : p < 0.75 ? PresentingProblem.MIXED
                : p < 0.95 ? PresentingProblem.ANXIETY : PresentingProblem.OTHER;
        String source = DemoTexts.pick(DemoTexts.REFERRAL_SOURCES, r);
        int toAssessment = 4 + r.nextInt(18);
        int onList = waitForAllocation(r, priority);
        double leave = r.nextDouble();
        int leaveAfter = switch (fate) {
            case DROPPED_OUT -> leave < 0.2 ? 1 : leave < 0.6 ? 2 + r.nextInt(3) : 5 + r.nextInt(6);
            case REFERRED_ON -> 1 + r.nextInt(6);
            case OTHER_ENDING -> 2 + r.nextInt(9);
            default -> Integer.MAX_VALUE;
        };
        int span = (int) ChronoUnit.DAYS.between(start, today);

        LocalDate referredOn;
        LocalDate assessedOn;
        LocalDate allocation = null;
        int sessionsBeforeToday = 0;
        switch (fate) {
            case AWAITING_ASSESSMENT -> {
                referredOn = today.minusDays(r.nextInt(25));
                assessedOn = null;
                if (!urgentUnseen) {
                    // one urgent referral still unseen past the days allowed: the risk worklist is never empty
                    priority = Priority.URGENT;
                    referredOn = today.minusDays(URGENT_ASSESSMENT_DAYS + 2 + r.nextInt(10));
                    urgentUnseen = true;
                }
            }
            case WAITING -> {
                double w = r.nextDouble();
                int waited = w < 0.5 ? 3 + r.nextInt(40) : w < 0.88 ? 43 + r.nextInt(84) : 127 + r.nextInt(84);
                referredOn = today.minusDays(waited);
                assessedOn = referredOn.plusDays(Math.min(toAssessment, waited - 1));
            }
            case NOT_SUITABLE, WITHDREW_FROM_WAITING -> {
                referredOn = start.plusDays(r.nextInt(Math.max(1, span - 90)));
                assessedOn = referredOn.plusDays(toAssessment);
            }
            default -> {
                if (fate.ongoing()) {
                    sessionsBeforeToday = switch (fate) {
                        case NOT_STARTED -> 0;
                        case INITIAL -> 1 + r.nextInt(3);
                        case FOCUS_OVERDUE -> Phase.LAST_INITIAL_SESSION;
                        case MIDDLE -> 5 + r.nextInt(7);
                        case TWO_MISSED -> 4 + r.nextInt(7);
                        default -> 13 + r.nextInt(2);
                    };
                    // The first session falls 2 to 8 days after allocation: exactly this many weekly sessions lie before today.
                    allocation = fate == Fate.NOT_STARTED ? today.minusDays(1 + r.nextInt(5))
                            : today.minusDays(7L * sessionsBeforeToday + 2);
                    assessedOn = allocation.minusDays(Math.max(3, onList));
                    referredOn = assessedOn.minusDays(toAssessment);
                } else {
                    // Endings spread evenly up to today: the end is drawn first and the story placed before it.
                    int courseWeeks = switch (fate) {
                        case COMPLETED -> 18;
                        case DROPPED_OUT -> leaveAfter + 4;
                        default -> leaveAfter + 2;
                    };
                    int lead = toAssessment + Math.max(3, onList) + 7 * courseWeeks;
                    int endsAfterStart = lead + r.nextInt(Math.max(1, span - lead));
                    referredOn = start.plusDays(endsAfterStart - lead);
                    assessedOn = referredOn.plusDays(toAssessment);
                    allocation = assessedOn.plusDays(Math.max(3, onList));
                }
            }
        }
        List<Step> front = new ArrayList<>();
        front.add(new Step(at(referredOn, LocalTime.of(9, 30)), new RegisterClient(client,
                DemoClients.details(client, clients.nextNhsNumber(client), referredOn))));
        front.add(new Step(at(referredOn, LocalTime.of(10, 0)),
                new ReferClient(id, client, source, referredOn, problem, priority)));
        if (assessedOn != null && priority == Priority.URGENT) {
            // an urgent referral's risk is assessed at the assessment, before its outcome is recorded
            RiskLevel level = r.nextDouble() < 0.25 ? RiskLevel.HIGH : r.nextBoolean() ? RiskLevel.MODERATE : RiskLevel.LOW;
            front.add(new Step(at(assessedOn, LocalTime.of(10, 30)), new RecordRiskAssessment(id,
                    new RiskAssessmentId(uuid(r)), assessedOn, level, level, RiskLevel.LOW, RiskLevel.LOW,
                    DemoTexts.pick(DemoTexts.SAFETY_PLANS, r), DemoTexts.pick(DemoTexts.RISK_ACTIONS, r),
                    assessedOn.plusDays(28))));
        }
        if (assessedOn != null) {
            boolean suitable = fate != Fate.NOT_SUITABLE;
            front.add(new Step(at(assessedOn, LocalTime.of(11, 0)), new RecordAssessment(id, assessedOn, suitable,
                    Scores.items(Instrument.PHQ9, scores.phq9Start(), r), Scores.items(Instrument.GAD7, scores.gad7Start(), r),
                    DemoTexts.pick(suitable ? DemoTexts.SUITABLE_NOTES : DemoTexts.UNSUITABLE_NOTES, r),
                    new MeasureId(uuid(r)), new MeasureId(uuid(r)))));
        }
        if (fate == Fate.WITHDREW_FROM_WAITING) {
            LocalDate withdrawn = assessedOn.plusDays(14 + r.nextInt(100));
            if (!withdrawn.isBefore(today)) {
                withdrawn = today.minusDays(1);
            }
            front.add(new Step(at(withdrawn, LocalTime.of(15, 0)), new EndTherapy(id, withdrawn, EndReason.CLIENT_WITHDREW)));
        }
        return new EpisodeDraft(id, client, fate, seed, scores, referredOn, assessedOn, allocation, sessionsBeforeToday,
                leaveAfter, front);
    }

    /** Days on the waiting list before allocation: urgent clients are seen soon, most others within weeks, some wait long. */
    private static int waitForAllocation(Random r, Priority priority) {
        if (priority == Priority.URGENT) {
            return 3 + r.nextInt(12);
        }
        double w = r.nextDouble();
        return w < 0.55 ? 5 + r.nextInt(21) : w < 0.9 ? 26 + r.nextInt(55) : 81 + r.nextInt(60);
    }

    /**
     * Finds the least busy therapist with a place and a weekly slot free for the whole course; with none, the client
     * waits another week. A client still unallocated by today stays on the waiting list.
     */
    private EpisodePlan place(EpisodeDraft draft, List<Diary> diaries) {
        for (int attempt = 0; attempt < ALLOCATION_ATTEMPTS; attempt++) {
            LocalDate allocatedOn = draft.plannedAllocation().plusWeeks(attempt);
            if (!allocatedOn.isBefore(today)) {
                break;
            }
            Instant from = at(allocatedOn, LocalTime.of(9, 0));
            List<Diary> byLoad = diaries.stream()
                    .sorted(Comparator.comparingDouble((Diary d) -> d.utilisationAt(from)))
                    .toList();
            for (Diary diary : byLoad) {
                if (diary.activeAt(from) >= diary.therapist().maxCaseload()) {
                    continue;
                }
                for (Diary.Slot slot : diary.slots()) {
                    if (!diary.slotFreeAt(slot, from)) {
                        continue;
                    }
                    CourseScript.Result course = new CourseScript(draft, diary, slot, allocatedOn, today, zone).run();
                    if (diary.canHold(course.heldFrom(), course.heldUntil(), slot)) {
                        diary.hold(course.heldFrom(), course.heldUntil(), slot, course.spareTimes());
                        List<Step> steps = new ArrayList<>(draft.front());
                        steps.addAll(course.steps());
                        Diary with = handOver(draft.id(), course, diary, slot, diaries, steps, draft.front().size());
                        return new EpisodePlan(new DemoEpisode(draft.id(), draft.clientId(), draft.fate(), course.status(),
                                course.phase(), course.endReason(), course.endedOn(), with.therapist().id(),
                                course.courseLength(), course.attended()), steps);
                    }
                }
            }
        }
        return new EpisodePlan(new DemoEpisode(draft.id(), draft.clientId(), draft.fate(), EpisodeStatus.WAITING,
                Phase.NOT_STARTED, null, null, null, Phase.DEFAULT_COURSE_LENGTH, 0), draft.front());
    }

    /**
     * Now and then passes the course to a colleague free in the same weekly slot (and at its spare hours) from after
     * its third attended session to its end, inserting the reassignment into {@code steps}. The first therapist keeps
     * the place and slot in the plan all the same, so the plan holds whichever therapist's lane runs first.
     *
     * @return the diary the course ends in
     */
    private Diary handOver(EpisodeId episodeId, CourseScript.Result course, Diary from, Diary.Slot slot,
                           List<Diary> diaries, List<Step> steps, int frontSteps) {
        if (course.handOver() < 0 || course.attended() <= CourseScript.HAND_OVER_AFTER
                || (handedOver > 0 && random.nextInt(HAND_OVER_ONE_IN) != 0)) {
            return from;
        }
        int index = frontSteps + course.handOver();
        Instant at = steps.get(index - 1).at();
        for (Diary to : diaries) {
            if (to != from && to.slotFreeAt(slot, at) && to.canHold(at, course.heldUntil(), slot)
                    && course.spareTimes().stream().allMatch(to::spareFree)) {
                to.hold(at, course.heldUntil(), slot, course.spareTimes());
                handedOver++;
                steps.add(index, new Step(at, new ReassignTherapist(episodeId,
                        to.therapist().id(), DemoTexts.pick(DemoTexts.REASSIGNMENT_REASONS, random))));
                return to;
            }
        }
        return from;
    }

    private EpisodePlan untreated(EpisodeDraft draft) {
        EpisodeStatus status;
        EndReason reason = null;
        LocalDate endedOn = null;
        switch (draft.fate()) {
            case AWAITING_ASSESSMENT -> status = EpisodeStatus.REFERRED;
            case WAITING -> status = EpisodeStatus.WAITING;
            case NOT_SUITABLE -> {
                status = EpisodeStatus.ENDED;
                reason = EndReason.NOT_SUITABLE;
                endedOn = draft.assessedOn();
            }
            default -> {
                status = EpisodeStatus.ENDED;
                reason = EndReason.CLIENT_WITHDREW;
                endedOn = ((EndTherapy) draft.front().get(draft.front().size() - 1).command()).endedOn();
            }
        }
        return new EpisodePlan(new DemoEpisode(draft.id(), draft.clientId(), draft.fate(), status, Phase.NOT_STARTED, reason,
                endedOn, null, Phase.DEFAULT_COURSE_LENGTH, 0), draft.front());
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** A version 4 UUID drawn from the seeded random, so ids repeat with the seed. */
    static UUID uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
