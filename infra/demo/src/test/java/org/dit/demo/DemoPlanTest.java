package org.dit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.dit.command.episode.AllocateTherapist;
import org.dit.command.episode.BookFollowUp;
import org.dit.command.episode.BookSession;
import org.dit.command.episode.CancelSession;
import org.dit.command.episode.EndTherapy;
import org.dit.command.client.RegisterClient;
import org.dit.command.episode.ReassignTherapist;
import org.dit.command.episode.ReferClient;
import org.dit.command.episode.RescheduleSession;
import org.dit.demo.DemoPlan.EpisodePlan;
import org.dit.demo.DemoPlan.Step;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Phase;
import org.junit.jupiter.api.Test;

/** The demo plan on its own, without the service: its spread of states, and the cross-episode rules it must keep. */
class DemoPlanTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 21, 23, 50, 0, 0, LONDON).toInstant(), LONDON);

    static DemoPlan plan(long seed, int episodes) {
        return new DemoClinic(null, CLOCK, new Random(seed), episodes).plan();
    }

    @Test
    void givenTheSameSeedAndDay_whenPlannedTwice_thenThePlansAreTheSame() {
        assertThat(plan(7, 120)).isEqualTo(plan(7, 120));
    }

    @Test
    void givenTheDefaultSize_whenPlanned_thenEveryStateAndPhaseAndEndingAppears() {
        DemoPlan plan = plan(DemoClinic.DEFAULT_SEED, DemoClinic.DEFAULT_EPISODES);
        List<DemoEpisode> episodes = plan.episodes().stream().map(EpisodePlan::episode).toList();
        System.out.println(new DemoSummary(plan.today(), plan.therapists(), episodes, plan.commandCount(),
                Duration.ZERO).describe());

        assertThat(plan.therapists()).hasSize(8);
        assertThat(episodes).hasSize(300);
        assertThat(episodes).extracting(DemoEpisode::status).containsAll(EnumSet.allOf(EpisodeStatus.class));
        assertThat(episodes).filteredOn(e -> e.status() == EpisodeStatus.IN_THERAPY).extracting(DemoEpisode::phase)
                .containsAll(EnumSet.allOf(Phase.class));
        assertThat(episodes).extracting(DemoEpisode::endReason).containsAll(EnumSet.allOf(EndReason.class));
        Map<Fate, Long> missed = episodes.stream().filter(e -> !intended(e))
                .collect(Collectors.groupingBy(DemoEpisode::fate, Collectors.counting()));
        System.out.println("not as intended: " + missed);
        assertThat(episodes.stream().filter(DemoPlanTest::intended).count()).isGreaterThan(270);
    }

    private static boolean intended(DemoEpisode e) {
        return switch (e.fate()) {
            case AWAITING_ASSESSMENT -> e.status() == EpisodeStatus.REFERRED;
            case WAITING -> e.status() == EpisodeStatus.WAITING;
            case NOT_SUITABLE, WITHDREW_FROM_WAITING, COMPLETED, DROPPED_OUT, REFERRED_ON, OTHER_ENDING ->
                    e.status() == EpisodeStatus.ENDED;
            case NOT_STARTED -> e.status() == EpisodeStatus.IN_THERAPY && e.phase() == Phase.NOT_STARTED;
            case INITIAL, FOCUS_OVERDUE -> e.status() == EpisodeStatus.IN_THERAPY && e.phase() == Phase.INITIAL;
            case MIDDLE, TWO_MISSED -> e.status() == EpisodeStatus.IN_THERAPY && e.phase() == Phase.MIDDLE;
            case ENDING, LETTER_DUE -> e.status() == EpisodeStatus.IN_THERAPY && e.phase() == Phase.ENDING;
        };
    }

    @Test
    void givenTheDefaultSize_whenPlanned_thenEveryMonthOfTheLastYearHasEndingsAndInTherapyFitsTheCaseloads() {
        DemoPlan plan = plan(DemoClinic.DEFAULT_SEED, DemoClinic.DEFAULT_EPISODES);
        LocalDate today = LocalDate.now(CLOCK);
        Map<YearMonth, Long> endings = plan.episodes().stream().map(EpisodePlan::episode)
                .filter(e -> e.endedOn() != null)
                .collect(Collectors.groupingBy(e -> YearMonth.from(e.endedOn()), TreeMap::new,
                        Collectors.counting()));
        System.out.println("endings by month: " + endings);
        for (int back = 1; back <= 12; back++) {
            assertThat(endings.getOrDefault(YearMonth.from(today).minusMonths(back), 0L))
                    .as("endings %d months back", back).isGreaterThanOrEqualTo(4);
        }
        Map<TherapistId, Long> active = plan.episodes().stream().map(EpisodePlan::episode)
                .filter(e -> e.status() == EpisodeStatus.IN_THERAPY)
                .collect(Collectors.groupingBy(DemoEpisode::therapistId, Collectors.counting()));
        plan.therapists().forEach(t -> assertThat(active.getOrDefault(t.id(), 0L)).as(t.name())
                .isPositive().isLessThanOrEqualTo(t.maxCaseload()));
    }

    @Test
    void givenThePlan_whenItsCommandsAreReplayedInStoryOrder_thenNoTherapistIsOverbookedOrOverCapacity() {
        DemoPlan plan = plan(DemoClinic.DEFAULT_SEED, DemoClinic.DEFAULT_EPISODES);
        Map<TherapistId, Integer> max = new HashMap<>();
        plan.therapists().forEach(t -> max.put(t.id(), t.maxCaseload()));
        Map<EpisodeId, TherapistId> allocatedTo = new HashMap<>();
        List<Step> all = new ArrayList<>();
        plan.episodes().forEach(e -> all.addAll(e.steps()));
        all.sort(Comparator.comparing(Step::at));

        Map<TherapistId, Set<EpisodeId>> caseloads = new HashMap<>();
        Map<EpisodeId, Map<Integer, Held>> slots = new HashMap<>();
        int reassigned = 0;
        for (Step step : all) {
            if (step.command() instanceof AllocateTherapist a) {
                allocatedTo.put(a.episodeId(), a.therapistId());
                Set<EpisodeId> caseload = caseloads.computeIfAbsent(a.therapistId(), k -> new HashSet<>());
                caseload.add(a.episodeId());
                assertThat(caseload.size()).as("caseload of %s at %s", a.therapistId(), step.at())
                        .isLessThanOrEqualTo(max.get(a.therapistId()));
            } else if (step.command() instanceof ReassignTherapist r) {
                // the bookings already made stay in the diary of the therapist who held them (they are past by now)
                caseloads.get(allocatedTo.get(r.episodeId())).remove(r.episodeId());
                allocatedTo.put(r.episodeId(), r.therapistId());
                Set<EpisodeId> caseload = caseloads.computeIfAbsent(r.therapistId(), k -> new HashSet<>());
                caseload.add(r.episodeId());
                assertThat(caseload.size()).as("caseload of %s at %s", r.therapistId(), step.at())
                        .isLessThanOrEqualTo(max.get(r.therapistId()));
                reassigned++;
            } else if (step.command() instanceof BookFollowUp f) {
                assertNoClash(slots, allocatedTo, f.episodeId(), f.startsAt(), step);
                slots.computeIfAbsent(f.episodeId(), k -> new HashMap<>())
                        .put(0, new Held(allocatedTo.get(f.episodeId()), f.startsAt()));
            } else if (step.command() instanceof EndTherapy end) {
                TherapistId t = allocatedTo.get(end.episodeId());
                if (t != null) {
                    caseloads.get(t).remove(end.episodeId());
                    slots.remove(end.episodeId());
                }
            } else if (step.command() instanceof BookSession b) {
                assertNoClash(slots, allocatedTo, b.episodeId(), b.startsAt(), step);
                slots.computeIfAbsent(b.episodeId(), k -> new HashMap<>())
                        .put(step.sessionNumber(), new Held(allocatedTo.get(b.episodeId()), b.startsAt()));
            } else if (step.command() instanceof RescheduleSession r) {
                Held held = slots.get(r.episodeId()).remove(r.sessionNumber());
                assertNoClash(slots, allocatedTo, r.episodeId(), r.startsAt(), step);
                slots.get(r.episodeId()).put(r.sessionNumber(), new Held(held.therapist(), r.startsAt()));
            } else if (step.command() instanceof CancelSession c) {
                slots.get(c.episodeId()).remove(c.sessionNumber());
            }
        }
        assertThat(reassigned).as("courses passed to a colleague").isPositive();
    }

    /** A slot in a therapist's diary. */
    private record Held(TherapistId therapist, Instant startsAt) {
    }

    /**
     * Kept slots of all the therapist's episodes (cancelled and ended-open ones freed): none within 50 minutes of the
     * new one, whether the episode's current therapist holds them or the one it had before.
     */
    private static void assertNoClash(Map<EpisodeId, Map<Integer, Held>> slots, Map<EpisodeId, TherapistId> allocatedTo,
                                      EpisodeId episode, Instant startsAt, Step step) {
        TherapistId therapist = allocatedTo.get(episode);
        slots.forEach((other, sessions) -> sessions.forEach((number, held) -> {
            if (therapist.equals(held.therapist()) && !(other.equals(episode) && held.startsAt().equals(startsAt))) {
                assertThat(Math.abs(Duration.between(held.startsAt(), startsAt).toMinutes()))
                        .as("%s clashes with a session of %s at %s", step, other, held.startsAt()).isGreaterThanOrEqualTo(50);
            }
        }));
    }

    @Test
    void givenTheDefaultSize_whenPlanned_thenEveryStepOfRiskTherapistsShorterCoursesFollowUpsAndNotesAppears() {
        DemoPlan plan = plan(DemoClinic.DEFAULT_SEED, DemoClinic.DEFAULT_EPISODES);
        List<Object> commands = new ArrayList<>(plan.registrations().stream().map(Step::command).toList());
        plan.episodes().forEach(e -> e.steps().forEach(s -> commands.add(s.command())));
        Map<String, Long> counts = commands.stream()
                .collect(Collectors.groupingBy(c -> c.getClass().getSimpleName(), TreeMap::new, Collectors.counting()));
        System.out.println("commands: " + counts);

        assertThat(counts).containsKeys("RecordRiskAssessment", "ReassignTherapist", "ShortenCourse", "BookFollowUp",
                "RecordFollowUpAttendance", "WriteSessionNote", "ChangeMaxCaseload", "DeactivateTherapist");
        assertThat(commands).filteredOn(c -> c instanceof org.dit.command.episode.RecordAttendance a && a.phq9() != null
                && a.phq9().get(8) > 0).isNotEmpty();
        assertThat(commands).filteredOn(c -> c instanceof org.dit.command.episode.RecordAttendance a && a.phq9() != null
                && a.phq9().get(8) > 0).hasSizeLessThan(60);
    }

    @Test
    void givenThePlan_whenDatesAreChecked_thenNoReferralLiesInTheFutureOrBeforeTheHistory() {
        DemoPlan plan = plan(DemoClinic.DEFAULT_SEED, DemoClinic.DEFAULT_EPISODES);
        LocalDate today = LocalDate.now(CLOCK);
        for (EpisodePlan episode : plan.episodes()) {
            ReferClient referral = (ReferClient) episode.steps().get(1).command();
            assertThat(referral.referredOn()).isBeforeOrEqualTo(today).isAfterOrEqualTo(today.minusMonths(19));
        }
    }

    @Test
    void givenThePlan_whenItsClientsAreRegistered_thenEachIsInventedWithAUniqueTestNhsNumberBeforeTheReferral() {
        DemoPlan plan = plan(DemoClinic.DEFAULT_SEED, DemoClinic.DEFAULT_EPISODES);
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (EpisodePlan episode : plan.episodes()) {
            RegisterClient registration = (RegisterClient) episode.steps().get(0).command();
            ReferClient referral = (ReferClient) episode.steps().get(1).command();
            assertThat(registration.clientId()).isEqualTo(referral.clientId()).isEqualTo(episode.episode().clientId());
            assertThat(episode.steps().get(0).at()).isBefore(episode.steps().get(1).at());
            assertThat(registration.details().familyName()).endsWith("(demo)");
            String nhsNumber = registration.details().nhsNumber();
            assertThat(nhsNumber).startsWith("999");
            assertThat(org.dit.events.client.NhsNumber.isValid(nhsNumber)).as(nhsNumber).isTrue();
            assertThat(numbers.add(nhsNumber)).as("unique " + nhsNumber).isTrue();
        }
    }
}
