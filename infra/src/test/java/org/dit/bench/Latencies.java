package org.dit.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of one measured phase (nanoseconds), kept per thread and merged at the end; rates over wall time. */
final class Latencies {

    private final long[][] perThread;
    private final int[] counts;
    private final AtomicLong errors = new AtomicLong();

    /** Grows as needed: the benchmark shares the service's heap and must not take much of it. */
    Latencies(int threads) {
        perThread = new long[threads][1024];
        counts = new int[threads];
    }

    void record(int thread, long nanos) {
        if (counts[thread] == perThread[thread].length) {
            perThread[thread] = Arrays.copyOf(perThread[thread], perThread[thread].length * 2);
        }
        perThread[thread][counts[thread]++] = nanos;
    }

    void error() {
        errors.incrementAndGet();
    }

    long errors() {
        return errors.get();
    }

    long count() {
        return Arrays.stream(counts).asLongStream().sum();
    }

    private long[] sorted() {
        long[] all = new long[(int) count()];
        int at = 0;
        for (int t = 0; t < perThread.length; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return all;
    }

    double percentileMs(double p) {
        long[] all = sorted();
        if (all.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1);
        return all[Math.max(0, index)] / 1_000_000.0;
    }
}
