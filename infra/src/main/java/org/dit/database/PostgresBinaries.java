package org.dit.database;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL binaries of the embedded database, unpacked by the library into a directory of the service's own
 * ({@code $DIT_DATA_DIR/binaries}, 0700) rather than the shared, world-writable {@code /tmp/embedded-pg}, where
 * another local user could swap them. The library names the unpacked directory {@code PG-<md5 of the archive>}; the
 * archive passes through this resolver, which notes its digest, so the directory is known to run
 * {@code postgres --single} before the server starts.
 */
final class PostgresBinaries implements PgBinaryResolver {

    private final Path workingDirectory;
    private volatile String digest;

    PostgresBinaries(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        if (archive == null) {
            return null;
        }
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new FilterInputStream(new DigestInputStream(archive, md5)) {
            @Override
            public void close() throws IOException {
                super.close();
                if (digest == null) {
                    digest = HexFormat.of().formatHex(md5.digest());
                }
            }
        };
    }

    /** The unpacked {@code bin} directory; known once the library has unpacked (or found) the binaries. */
    Path binDirectory() {
        if (digest == null) {
            throw new IllegalStateException("the PostgreSQL binaries have not been unpacked yet");
        }
        Path bin = workingDirectory.resolve("PG-" + digest).resolve("bin");
        if (!Files.isExecutable(bin.resolve("postgres")) && !Files.isExecutable(bin.resolve("postgres.exe"))) {
            throw new IllegalStateException("No PostgreSQL binaries in " + bin);
        }
        return bin;
    }

    /**
     * Runs SQL in PostgreSQL's single-user mode on a stopped data directory: no network, no authentication, the way in
     * before any password is set. One statement per line; the first error stops it and fails here. Its output is not
     * logged (it would echo a failed statement).
     */
    void singleUser(Path pgData, List<String> statements) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as root, like the library: PostgreSQL refuses to run as root, so it runs in a user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binDirectory().resolve("postgres").toString(), "--single", "-D", pgData.toString(),
                "-c", "exit_on_error=true", "postgres"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(output);
                } catch (IOException ignored) {
                    // the process is gone; its exit code tells
                }
            }, "postgres-single-user-output");
            reader.start();
            try (OutputStream in = process.getOutputStream()) {
                for (String statement : statements) {
                    if (statement.contains("\n")) {
                        throw new IllegalArgumentException("single-user mode takes one statement per line");
                    }
                    in.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL single-user mode on " + pgData + " did not finish in 120 s");
            }
            reader.join(5000);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL single-user mode on " + pgData + " failed (exit "
                        + process.exitValue() + "):\n" + lastLines(output.toString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run PostgreSQL single-user mode on " + pgData, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's own messages (FATAL, ERROR lines), never the statements it echoes. */
    private static String lastLines(String output) {
        return String.join("\n", output.lines()
                .filter(line -> line.contains("FATAL") || line.contains("ERROR") || line.contains("PANIC"))
                .toList());
    }
}
