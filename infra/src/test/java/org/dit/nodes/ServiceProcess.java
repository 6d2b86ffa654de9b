package org.dit.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.dit.support.Api;
import org.yaml.snakeyaml.Yaml;

/**
 * One node of the service: the packaged jar ({@code target/dit-service.jar}, built by {@code package} before failsafe
 * runs) in its own JVM, on an external PostgreSQL, with the test users of {@code application-test.yml}, a small heap
 * and its log in a file under {@code target/nodes}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("dit.service.jar", "target/dit-service.jar"));
    private static final Path LOGS = Path.of("target", "nodes");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node and returns once it answers; {@code environment} adds or overrides variables. */
    public static ServiceProcess start(String name, ExternalPostgres database, Map<String, String> environment) {
        ServiceProcess node = launch(name, database, environment);
        node.awaitUp();
        return node;
    }

    public static ServiceProcess start(String name, ExternalPostgres database) {
        return start(name, database, Map.of());
    }

    /** Starts a node without waiting for it, so several nodes can start at once ({@link #awaitUp()} each). */
    public static ServiceProcess launch(String name, ExternalPostgres database, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        env.putAll(environment);
        return launch(name, env);
    }

    /** A node on its own embedded PostgreSQL in {@code dataDir}, as an operator runs a single node; not awaited. */
    public static ServiceProcess launchEmbedded(String name, Path dataDir) {
        return launchEmbedded(name, dataDir, Map.of());
    }

    /** The same, with {@code environment} added. */
    public static ServiceProcess launchEmbedded(String name, Path dataDir, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("DIT_DATA_DIR", dataDir.toAbsolutePath().toString());
        return launch(name, env);
    }

    private static ServiceProcess launch(String name, Map<String, String> environment) {
        assertThat(JAR).as("the packaged service; run through `./mvnw verify`, which packages it first").isRegularFile();
        try {
            Files.createDirectories(LOGS);
            int port = freePort();
            Path log = LOGS.resolve(name + "-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", JAR.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(variable -> variable.startsWith("SPRING_DATASOURCE_") || variable.startsWith("SPRING_FLYWAY_"));
            env.put("PORT", String.valueOf(port));
            env.put("DIT_ZONE", "Europe/London");
            env.put("DIT_DB_POOL_SIZE", "10");
            env.put("DIT_CRYPTO_MASTER_KEY", org.dit.support.TestMasterKey.BASE64);
            env.put("SPRING_APPLICATION_JSON", testConfiguration());
            env.putAll(environment);
            Process process = builder.start();
            // a test JVM that ends without closing its nodes must not leave them running
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ServiceProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node's health is UP; fails with the end of its log if the process exits first. */
    public ServiceProcess awaitUp() {
        Api anonymous = api().anonymous();
        Awaitility.await(name + " health UP").atMost(STARTUP).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
                    }
                    Api.Response health = anonymous.get("/actuator/health");
                    return health.status() == 200 && "UP".equals(health.json().path("status").asText());
                });
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, no released claim; the JVM is gone at once. */
    public void kill() {
        process.destroyForcibly();
        int exit = waitForExit();
        // 128 + 9: the process died of SIGKILL, not of an orderly exit
        assertThat(exit).as(name + " killed by SIGKILL").isEqualTo(137);
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** How Axon names this node in {@code token_entry.owner}: the JVM's runtime name, {@code pid@host}. */
    public String tokenOwnerPrefix() {
        return process.pid() + "@";
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** Signed in as the test user {@code clinic-lead}; {@code .as(user)} for another. */
    public Api api() {
        return new Api(port);
    }

    /** The node's whole log so far. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The test users of application-test.yml, handed to the node as SPRING_APPLICATION_JSON: one definition of the
     * invented users for in-process and multi-process tests alike. Log levels stay the service's own, so a node's log
     * shows its segment claims.
     */
    @SuppressWarnings("unchecked")
    private static String testConfiguration() throws IOException {
        try (InputStream in = ServiceProcess.class.getResourceAsStream("/application-test.yml")) {
            Map<String, Object> test = new Yaml().load(in);
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put("dit", Map.of("security", ((Map<String, Object>) test.get("dit")).get("security")));
            return new ObjectMapper().writeValueAsString(configuration);
        }
    }
}
