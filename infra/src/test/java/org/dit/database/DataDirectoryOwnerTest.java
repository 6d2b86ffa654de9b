package org.dit.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** service.pid names the JVM that owns an embedded data directory: a live owner makes a second start refuse. */
class DataDirectoryOwnerTest {

    @TempDir
    Path root;

    Process otherService;

    @BeforeEach
    void startAnotherProcess() throws Exception {
        otherService = new ProcessBuilder("sleep", "120").start();
    }

    @AfterEach
    void stopIt() {
        otherService.destroyForcibly();
    }

    private DataDirectoryOwner owner() throws Exception {
        Files.createDirectories(root.resolve("pg"));
        return new DataDirectoryOwner(root, root.resolve("pg"));
    }

    private void recordOwner(long pid, Instant started) throws Exception {
        Files.writeString(root.resolve(DataDirectoryOwner.PID_FILE), pid + " " + started + "\n");
    }

    @Test
    void givenTheOwningServiceStillRuns_whenAnotherStarts_thenItRefusesNamingTheOwner() throws Exception {
        recordOwner(otherService.pid(), otherService.info().startInstant().orElseThrow());

        assertThatThrownBy(() -> owner().claim())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("service process " + otherService.pid())
                .hasMessageContaining("still running");
        assertThat(Files.readString(root.resolve(DataDirectoryOwner.PID_FILE))).startsWith(otherService.pid() + " ");
    }

    @Test
    void givenTheOwnerIsGone_whenTheServiceStarts_thenItBecomesTheOwnerAndGivesTheDirectoryUpWhenItStops() throws Exception {
        Instant started = otherService.info().startInstant().orElseThrow();
        otherService.destroyForcibly().waitFor();
        recordOwner(otherService.pid(), started);

        DataDirectoryOwner owner = owner();
        owner.claim();
        assertThat(Files.readString(root.resolve(DataDirectoryOwner.PID_FILE))).startsWith(ProcessHandle.current().pid() + " ");

        owner.release();
        assertThat(root.resolve(DataDirectoryOwner.PID_FILE)).doesNotExist();
    }

    @Test
    void givenTheRecordedPidNowBelongsToAnotherProcess_whenTheServiceStarts_thenTheOwnerCountsAsGone() throws Exception {
        recordOwner(otherService.pid(), otherService.info().startInstant().orElseThrow().minusSeconds(3600));

        owner().claim();
        assertThat(Files.readString(root.resolve(DataDirectoryOwner.PID_FILE))).startsWith(ProcessHandle.current().pid() + " ");
        assertThat(otherService.isAlive()).as("an unrelated process is left alone").isTrue();
    }
}
