package org.dit.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which service process owns an embedded data directory, and what it left behind. The owning JVM's pid and start time
 * are kept in {@code service.pid} beside the PostgreSQL data. A JVM killed with SIGKILL cannot stop its PostgreSQL:
 * the postmaster lives on as an orphan holding the data directory, and a new PostgreSQL could not start there. At
 * start-up such a postmaster is stopped (fast shutdown: its sessions are rolled back, nothing committed is lost), but
 * only when the service that started it is gone; while it runs, the start is refused.
 */
final class DataDirectoryOwner {

    static final String PID_FILE = "service.pid";
    /** zonky's lock file in the PostgreSQL data directory, held by the JVM that runs that PostgreSQL. */
    static final String LIBRARY_LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryOwner.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Path pidFile;
    private final Path pgData;

    DataDirectoryOwner(Path root, Path pgData) {
        this.pidFile = root.resolve(PID_FILE);
        this.pgData = pgData;
    }

    /**
     * Refuses while another live service process owns the directory; otherwise stops a postmaster it left running and
     * records this JVM as the owner.
     */
    void claim() {
        Optional<ProcessHandle> owner = recordedOwner().filter(handle -> handle.pid() != ProcessHandle.current().pid());
        if (owner.isPresent()) {
            throw new IllegalStateException("The embedded database in " + pgData.getParent() + " belongs to service process "
                    + owner.get().pid() + ", which is still running (" + PID_FILE + "). Stop that process first; never start "
                    + "two services on one DIT_DATA_DIR.");
        }
        if (libraryLockHeld()) {
            throw new IllegalStateException("The embedded database in " + pgData.getParent() + " is in use by another "
                    + "running process (it holds " + pgData.resolve(LIBRARY_LOCK_FILE) + "). Stop that process first.");
        }
        stopOrphanedPostmaster();
        record();
    }

    /** After the PostgreSQL has stopped: the directory has no owner any more. */
    void release() {
        try {
            if (recordedPid().filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            log.warn("Could not remove {}", pidFile, e);
        }
    }

    /** The process named in service.pid, if it is still the same process (same pid and start time) and alive. */
    Optional<ProcessHandle> recordedOwner() {
        List<String> fields = readFields(pidFile);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(fields.get(0));
        Optional<Instant> started = fields.size() > 1 ? Optional.of(Instant.parse(fields.get(1))) : Optional.empty();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> started.isEmpty() || handle.info().startInstant().equals(started));
    }

    private Optional<Long> recordedPid() {
        List<String> fields = readFields(pidFile);
        return fields.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(fields.get(0)));
    }

    private void record() {
        ProcessHandle self = ProcessHandle.current();
        String line = self.pid() + self.info().startInstant().map(instant -> " " + instant).orElse("") + "\n";
        try {
            Files.writeString(pidFile, line, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pidFile, e);
        }
    }

    /** Whether a live process (a service of an earlier version writes no service.pid) holds the library's lock. */
    private boolean libraryLockHeld() {
        Path lockFile = pgData.resolve(LIBRARY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check " + lockFile, e);
        }
    }

    private void stopOrphanedPostmaster() {
        Path postmasterPid = pgData.resolve("postmaster.pid");
        List<String> lines = readLines(postmasterPid);
        if (lines.size() < 2) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(handle -> isPostgresOfThisDirectory(handle, lines.get(1)));
        if (postmaster.isEmpty()) {
            // no such process (PostgreSQL itself takes over a lock file whose process is gone), or not ours to stop
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a service process that is gone", pid, pgData);
        signalFastShutdown(postmaster.get());
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (Files.exists(postmasterPid) && isPostgresOfThisDirectory(postmaster.get(), lines.get(1))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") left running on " + pgData + " did not stop within "
                        + STOP_WAIT.toSeconds() + " s; stop it (kill -INT " + pid + ") and start again.");
            }
            sleep(100);
        }
        log.info("The PostgreSQL left running on {} has stopped", pgData);
    }

    /** A live postgres executable whose postmaster.pid names this data directory (not a process that reused the pid). */
    private boolean isPostgresOfThisDirectory(ProcessHandle handle, String recordedDirectory) {
        if (!handle.isAlive()) {
            return false;
        }
        Optional<String> command = handle.info().command();
        if (command.isEmpty()) {
            return false;
        }
        String executable = Path.of(command.get()).getFileName().toString();
        if (!executable.equals("postgres") && !executable.equals("postgres.exe")) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(recordedDirectory.trim()), pgData);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown; without a kill command, SIGTERM (smart shutdown: its clients are gone). */
    private static void signalFastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            log.debug("No kill command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    private static List<String> readFields(Path file) {
        List<String> lines = readLines(file);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return List.of();
        }
        return List.of(lines.get(0).trim().split("\\s+"));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
