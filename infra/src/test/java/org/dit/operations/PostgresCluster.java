package org.dit.operations;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away PostgreSQL cluster run from an installed PostgreSQL's binaries (by default Debian's PostgreSQL 15 in
 * {@code /usr/lib/postgresql/15/bin}; another directory with {@code -Ddit.test.pg-bin=…}), whose own pg_dump and
 * pg_restore are therefore of the server's major version. The embedded binaries the service ships with hold no
 * pg_dump, and a pg_dump refuses a server newer than itself. PostgreSQL refuses to run as root: as root the server
 * tools run in a user namespace ({@code unshare -U}), as the embedded library does.
 */
final class PostgresCluster implements AutoCloseable {

    static final String BIN_PROPERTY = "dit.test.pg-bin";
    private static final Pattern MAJOR = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final Path bin;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private boolean running;

    private PostgresCluster(Path bin, Path workDir, int port) {
        this.bin = bin;
        this.dataDir = workDir.resolve("data");
        this.log = workDir.resolve("postgres.log");
        this.port = port;
    }

    /** Initialises and starts a cluster in workDir; fails, naming what is missing, when the tools are absent or mismatched. */
    static PostgresCluster start(Path workDir) {
        Path bin = Path.of(System.getProperty(BIN_PROPERTY, "/usr/lib/postgresql/15/bin"));
        for (String tool : List.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore")) {
            if (!Files.isExecutable(bin.resolve(tool))) {
                fail("%s is missing: this test needs a PostgreSQL server and its client tools of the same major version "
                        + "(on Debian or Ubuntu: apt-get install postgresql-15 postgresql-client-15), or -D%s=<their bin "
                        + "directory>", bin.resolve(tool), BIN_PROPERTY);
            }
        }
        int server = major(run(List.of(bin.resolve("postgres").toString(), "--version"), null));
        int dump = major(run(List.of(bin.resolve("pg_dump").toString(), "--version"), null));
        if (dump < server) {
            fail("pg_dump %d cannot dump a PostgreSQL %d server (in %s)", dump, server, bin);
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresCluster cluster = new PostgresCluster(bin, workDir, freePort());
        cluster.initdb();
        cluster.startServer();
        return cluster;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** pg_dump in its custom format: one consistent snapshot of the whole database, taken while the service runs. */
    void dump(String database, Path file) {
        run(List.of(bin.resolve("pg_dump").toString(), "--format=custom", "--host=localhost", "--port=" + port,
                "--username=postgres", "--dbname=" + database, "--file=" + file), null);
    }

    /** pg_restore into an empty database, all or nothing. */
    void restore(Path file, String database) {
        run(List.of(bin.resolve("pg_restore").toString(), "--exit-on-error", "--single-transaction", "--host=localhost",
                "--port=" + port, "--username=postgres", "--dbname=" + database, file.toString()), null);
    }

    private void initdb() {
        run(server("initdb", "--pgdata=" + dataDir, "--username=postgres", "--auth=trust", "--encoding=UTF8",
                "--locale=C"), log);
    }

    private void startServer() {
        // TCP on localhost only: no Unix socket directory to prepare; fsync off, as in the rest of the suite
        run(server("pg_ctl", "--pgdata=" + dataDir, "--log=" + log, "--wait", "--timeout=60",
                "-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories='' -F", "start"), log);
        running = true;
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            run(server("pg_ctl", "--pgdata=" + dataDir, "--mode=fast", "--wait", "--timeout=60", "stop"), log);
        }
    }

    private List<String> server(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs a tool to its end. Output goes to a file, never a pipe: the server pg_ctl starts keeps its inherited
     * descriptors open, and a pipe would never reach its end.
     */
    private static String run(List<String> command, Path outputFile) {
        try {
            Path output = outputFile != null ? outputFile : Files.createTempFile("dit-pg-tool", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within 120 s", command);
            }
            String text = Files.readString(output);
            if (outputFile == null) {
                Files.deleteIfExists(output);
            }
            if (process.exitValue() != 0) {
                fail("%s failed (exit %d):%n%s", command, process.exitValue(), text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int major(String version) {
        Matcher matcher = MAJOR.matcher(version);
        if (!matcher.find()) {
            fail("no PostgreSQL version in: %s", version);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
