package io.strata.bench;

import io.strata.tests.target.ServerTarget;
import io.strata.tests.target.TempDirectories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strata as its own process, started the way {@code ./strata start} starts it: the launcher's JVM
 * flags and {@code $STRATA_JAVA_OPTS} ({@code -Dbench.strataJavaOptions}) and the server jar with
 * {@code server/target/lib/*} ({@code -Dbench.strataClasspath}), on loopback, a free port
 * ({@code server.port=0}) and a fresh temporary data directory that {@link #close()} removes.
 * Without those properties it uses this JVM's own flags and class path. Its output goes to a log file.
 */
public final class StrataServerProcess implements ServerTarget {
    private static final Pattern LISTENING = Pattern.compile("Strata listening on ([0-9.]+):(\\d+)");
    private static final long START_TIMEOUT_MS = 120_000;
    private static final long STOP_TIMEOUT_MS = 60_000;
    private static final long PROBE_INTERVAL_MS = 200;

    private final Path dataDirectory;
    private final Path logFile;
    private final Process process;
    private final int port;

    private StrataServerProcess(Path dataDirectory, Path logFile, Process process, int port) {
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.process = process;
        this.port = port;
    }

    /** Starts Strata and waits, bounded, until it answers {@code SELECT 1}; its output goes to {@code logFile}. */
    public static StrataServerProcess start(Path logFile) {
        Objects.requireNonNull(logFile, "logFile");
        Path dataDirectory = TempDirectories.create("strata-bench-");
        List<String> command = command(dataDirectory);
        Process process;
        try {
            Files.writeString(logFile, String.join(" ", command) + "\n");
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            TempDirectories.deleteRecursively(dataDirectory);
            throw new UncheckedIOException("cannot start " + command, e);
        }
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> pumpOutput(process, logFile, listening), "strata-output");
        pump.setDaemon(true);
        pump.start();
        try {
            int port = listening.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            StrataServerProcess server = new StrataServerProcess(dataDirectory, logFile, process, port);
            server.awaitAnswer();
            return server;
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            process.destroyForcibly();
            TempDirectories.deleteRecursively(dataDirectory);
            throw new IllegalStateException("Strata did not start within " + START_TIMEOUT_MS + " ms (log: " + logFile + ")", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Strata", e);
        }
    }

    private static List<String> command(Path dataDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaOptions = System.getProperty("bench.strataJavaOptions");
        if (javaOptions != null) {
            for (String option : javaOptions.trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    command.add(option);
                }
            }
        } else {
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!option.startsWith("-Dbench.")) {
                    command.add(option);
                }
            }
        }
        command.addAll(List.of("-cp", System.getProperty("bench.strataClasspath", System.getProperty("java.class.path")),
                "io.strata.server.StrataMain", "--set", "server.host=127.0.0.1", "--set", "server.port=0",
                "--set", "data.dir=" + dataDirectory));
        return command;
    }

    private static void pumpOutput(Process child, Path logFile, CompletableFuture<Integer> listening) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(Integer.parseInt(matcher.group(2)));
                }
            }
            listening.completeExceptionally(new IllegalStateException("Strata exited with " + child.waitFor()
                    + " before listening"));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    private void awaitAnswer() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        SQLException last = null;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try (Connection connection = connect()) {
                connection.createStatement().execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(PROBE_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("Strata on port " + port + " did not answer SELECT 1", last);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public String name() {
        return "strata";
    }

    @Override
    public Set<String> engineNames() {
        return Set.of("strata", "mysql");
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return "root";
    }

    @Override
    public String password() {
        return "111";
    }

    /** SIGTERM (Strata closes cleanly), SIGKILL after {@value #STOP_TIMEOUT_MS} ms; then removes the data. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    System.err.println("bench: Strata did not exit " + STOP_TIMEOUT_MS + " ms after SIGTERM; killing it");
                    process.destroyForcibly();
                    process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            TempDirectories.deleteRecursively(dataDirectory);
        }
    }
}
