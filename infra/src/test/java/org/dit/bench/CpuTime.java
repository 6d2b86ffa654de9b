package org.dit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the service, and the benchmark's own load, which is part of the command path) and by the
 * embedded PostgreSQL (its postmaster, every backend, and the backends it has reaped), read from /proc. Unlike a rate,
 * it does not swing with the latency of a shared disk. Linux counts it in ticks of 10 ms (USER_HZ 100).
 */
final class CpuTime {

    static final double MS_PER_TICK = 10;

    record Sample(long jvmTicks, long postgresTicks) {
        Sample minus(Sample earlier) {
            return new Sample(jvmTicks - earlier.jvmTicks, postgresTicks - earlier.postgresTicks);
        }

        double jvmMs() {
            return jvmTicks * MS_PER_TICK;
        }

        double postgresMs() {
            return postgresTicks * MS_PER_TICK;
        }
    }

    private final long postmaster;

    /** @param dataDir the embedded database's directory; its postmaster.pid names the postmaster */
    CpuTime(Path dataDir) {
        try (Stream<Path> files = Files.walk(dataDir, 3)) {
            Path pidFile = files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no postmaster.pid under " + dataDir));
            this.postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Sample sample() {
        long jvm = ticks(Path.of("/proc/self/stat"), false);
        long postgres = ticks(Path.of("/proc", Long.toString(postmaster), "stat"), true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            postgres += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> parentOf(p) == postmaster ? ticks(p.resolve("stat"), true) : 0).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sample(jvm, postgres);
    }

    /** Fields after the command name: state, ppid, …; utime and stime are the 14th and 15th fields, cutime, cstime next. */
    private static String[] fields(Path stat) {
        try {
            String line = Files.readString(stat);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    private static long parentOf(Path process) {
        String[] fields = fields(process.resolve("stat"));
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    private static long ticks(Path stat, boolean withReapedChildren) {
        String[] fields = fields(stat);
        if (fields == null) {
            return 0;
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }
}
