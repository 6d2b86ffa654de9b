package org.dit.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.dit.demo.DemoPlan.EpisodePlan;
import org.dit.demo.DemoPlan.Step;
import org.dit.events.TherapistId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic clinic filled in through the command side, so its events are real events: about 8 therapists and
 * 300 episodes over the last 18 months, in every state and phase (see {@link Fate}). The plan is worked out first
 * ({@link ClinicPlanner}); then each therapist's commands run in story order on their own thread, because the
 * rules that span episodes (caseload capacity, double booking) are per therapist. Unallocated episodes share a
 * few more threads.
 */
final class DemoClinic {

    static final int DEFAULT_EPISODES = 300;
    static final long DEFAULT_SEED = 20_260_302L;
    static final String ACTOR = "demo-loader";
    private static final int UNALLOCATED_LANES = 2;
    private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

    private final CommandGateway commands;
    private final Clock clock;
    private final Random random;
    private final int episodes;

    DemoClinic(CommandGateway commands, Clock clock, Random random) {
        this(commands, clock, random, DEFAULT_EPISODES);
    }

    DemoClinic(CommandGateway commands, Clock clock, Random random, int episodes) {
        this.commands = commands;
        this.clock = clock;
        this.random = random;
        this.episodes = episodes;
    }

    /** The plan for today, without sending anything. */
    DemoPlan plan() {
        return new ClinicPlanner(random, LocalDate.now(clock), clock.getZone(), episodes).plan();
    }

    /** Plans the clinic and sends every command; throws on the first command the service refuses. */
    DemoSummary populate() {
        long started = System.nanoTime();
        DemoPlan plan = plan();
        Map<Step, Integer> numbers = number(plan);
        int total = numbers.size();
        log.info("Demo clinic planned for {}: {} therapists, {} episodes, {} commands", plan.today(),
                plan.therapists().size(), plan.episodes().size(), total);
        AtomicInteger sent = new AtomicInteger();
        for (Step step : plan.registrations()) {
            send(step, numbers.get(step), sent, total);
        }
        List<List<Step>> lanes = lanes(plan);
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size(), r -> {
            Thread thread = new Thread(r, "dit-demo-lane");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Step> lane : lanes) {
                running.add(pool.submit(() -> lane.forEach(step -> send(step, numbers.get(step), sent, total))));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo load interrupted after " + sent.get() + " of " + total + " commands", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo load stopped after " + sent.get() + " of " + total + " commands: "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new DemoSummary(plan.today(), plan.therapists(), plan.episodes().stream().map(EpisodePlan::episode).toList(),
                total, elapsed);
    }

    /** Correlation numbers in story order across the whole clinic. */
    private static Map<Step, Integer> number(DemoPlan plan) {
        List<Step> all = new ArrayList<>(plan.registrations());
        plan.episodes().forEach(e -> all.addAll(e.steps()));
        all.sort(Comparator.comparing(Step::at));
        Map<Step, Integer> numbers = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            numbers.put(all.get(i), i + 1);
        }
        return numbers;
    }

    /**
     * One lane per therapist with every command of their episodes in story order (a stable sort keeps each
     * episode's own order), so allocations meet the endings that freed the places; unallocated episodes in a few
     * more lanes.
     */
    private static List<List<Step>> lanes(DemoPlan plan) {
        Map<Object, List<Step>> lanes = new LinkedHashMap<>();
        int unallocated = 0;
        for (EpisodePlan episode : plan.episodes()) {
            TherapistId therapist = episode.episode().therapistId();
            Object lane = therapist != null ? therapist : "unallocated-" + (unallocated++ % UNALLOCATED_LANES);
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).addAll(episode.steps());
        }
        lanes.values().forEach(steps -> steps.sort(Comparator.comparing(Step::at)));
        return List.copyOf(lanes.values());
    }

    private void send(Step step, int number, AtomicInteger sent, int total) {
        Object result;
        try {
            result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(step.command())
                    .andMetaData(MetaData.with("actor", ACTOR).and("correlationId", "demo-" + number)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("demo command " + number + " refused: " + step.command() + ": " + e.getMessage(), e);
        }
        if (step.sessionNumber() != null && !step.sessionNumber().equals(result)) {
            throw new IllegalStateException("demo command " + number + " booked session " + result + ", planned "
                    + step.sessionNumber() + ": " + step.command());
        }
        int done = sent.incrementAndGet();
        if (done % Math.max(1, total / 10) == 0) {
            log.info("Demo clinic: {} of {} commands sent", done, total);
        }
    }
}
