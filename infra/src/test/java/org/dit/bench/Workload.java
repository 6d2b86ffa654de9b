package org.dit.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;


/**
 * The realistic command mix of one worker: an episode from referral to an ending (referral, assessment, allocation,
 * four sessions booked and attended with measures, the focus, the ending), then the next. Each worker has its own
 * therapist, so workers never contend for one therapist's diary; its hourly slots run from 2020, all in the past.
 */
final class Workload {

    static final LocalDate REFERRED_ON = LocalDate.of(2019, 12, 2);
    static final Instant FIRST_SLOT = Instant.parse("2020-01-06T08:00:00Z");
    static final List<Integer> PHQ9 = List.of(2, 2, 1, 2, 1, 2, 1, 1, 0);
    static final List<Integer> GAD7 = List.of(2, 1, 2, 1, 1, 1, 1);
    static final int SESSIONS = 4;

    /** One step of the mix: what to send, given the episode and the step number. */
    enum Step {
        REFER, ASSESS, ALLOCATE, BOOK, ATTEND, FOCUS, END
    }

    static final List<Step> EPISODE = List.of(Step.REFER, Step.ASSESS, Step.ALLOCATE,
            Step.BOOK, Step.ATTEND, Step.FOCUS, Step.BOOK, Step.ATTEND, Step.BOOK, Step.ATTEND, Step.BOOK, Step.ATTEND,
            Step.END);

    /** What a step needs: the worker's therapist, the episode, the session number, and the worker's next free slot. */
    interface Sender {
        void send(Step step, UUID episodeId, int session, Instant slot) throws Exception;
    }

    private long slots;

    /** Runs whole episodes until the deadline; each command's latency goes to {@code latencies}. */
    void run(long deadlineNanos, Latencies latencies, int thread, Sender sender) {
        while (System.nanoTime() < deadlineNanos) {
            UUID episodeId = UUID.randomUUID();
            int session = 0;
            for (Step step : EPISODE) {
                if (System.nanoTime() >= deadlineNanos && step == Step.REFER) {
                    return;
                }
                if (step == Step.BOOK) {
                    session++;
                }
                Instant slot = FIRST_SLOT.plusSeconds(3600L * slots);
                if (step == Step.BOOK) {
                    slots++;
                }
                long start = System.nanoTime();
                try {
                    sender.send(step, episodeId, session, slot);
                    latencies.record(thread, System.nanoTime() - start);
                } catch (Exception e) {
                    latencies.error();
                    break;
                }
            }
        }
    }

}
