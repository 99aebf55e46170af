package io.strata.tests.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strata as a child JVM ({@code io.strata.server.StrataMain --set server.port=0 --set data.dir=DIR},
 * plus a {@code --set} for each further setting), with this JVM's java and classpath, so that a test
 * can SIGKILL it and start it again on the same data directory. The port is read from the line
 * {@code Strata listening on 127.0.0.1:PORT (data in ...)}.
 */
public final class StrataProcess implements RestartableServer {
    private static final Pattern LISTENING = Pattern.compile("Strata listening on ([0-9.]+):(\\d+)");
    private static final List<String> JVM_FLAGS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true", "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED", "-Xmx1g");
    private static final long START_TIMEOUT_MS = 90_000;
    private static final long STOP_TIMEOUT_MS = 60_000;
    private static final int LOG_TAIL_LINES = 40;

    private final Path dataDirectory;
    private final Path logFile;
    private final Map<String, String> settings;
    private final AutoCloseable storage; // closed by close(), after the process; may be null
    private Process process;
    private int unansweredStartProbes;
    private int port;

    private StrataProcess(Path dataDirectory, Path logFile, Map<String, String> settings, AutoCloseable storage) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.logFile = Objects.requireNonNull(logFile, "logFile");
        this.settings = Map.copyOf(settings);
        this.storage = storage;
    }

    /** A server on {@code dataDirectory}, not yet started; its stdout and stderr go to {@code logFile}. */
    public static StrataProcess on(Path dataDirectory, Path logFile) {
        return new StrataProcess(dataDirectory, logFile, Map.of(), null);
    }

    /**
     * Like {@link #on(Path, Path)} with {@code settings} on top of the defaults (e.g. {@code storage.type=s3});
     * close() stops the process, then closes {@code storage} (the S3 endpoint the settings name; may be null).
     */
    public static StrataProcess on(Path dataDirectory, Path logFile, Map<String, String> settings, AutoCloseable storage) {
        return new StrataProcess(dataDirectory, logFile, settings, storage);
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("Strata is already running on port " + port);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.strata.server.StrataMain",
                "--set", "server.port=0", "--set", "data.dir=" + dataDirectory));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Process started = process;
        Thread pump = new Thread(() -> pumpOutput(started, listening), "strata-child-output");
        pump.setDaemon(true);
        pump.start();
        try {
            port = listening.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill();
            throw new IllegalStateException("Strata did not print its listening line within " + START_TIMEOUT_MS
                    + " ms; its output ends with:\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            unansweredStartProbes = ReadyWait.untilConnectable(this, START_TIMEOUT_MS, this::isRunning, "Strata");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; its output ends with:\n" + logTail(), e.getCause());
        }
    }

    /** The last lines the child printed, for failure messages (the log file may be deleted with its directory). */
    public String logTail() {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Copies the child's output into the log file and completes {@code listening} with the port it prints. */
    private void pumpOutput(Process child, CompletableFuture<Integer> listening) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Files.writeString(logFile, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(Integer.parseInt(matcher.group(2)));
                }
            }
            listening.completeExceptionally(new IllegalStateException("Strata exited before listening"));
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
    }

    @Override
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit()) {
                process.destroyForcibly();
                awaitExit();
                throw new IllegalStateException("Strata did not exit within " + STOP_TIMEOUT_MS + " ms of SIGTERM");
            }
        }
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public synchronized int unansweredStartProbes() {
        return unansweredStartProbes;
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
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
    public synchronized int port() {
        return port;
    }

    @Override
    public String user() {
        return StrataInProcess.USER;
    }

    @Override
    public String password() {
        return StrataInProcess.PASSWORD;
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (storage != null) {
                try {
                    storage.close();
                } catch (Exception e) {
                    throw new IllegalStateException("the server's storage failed to close", e);
                }
            }
        }
    }
}
