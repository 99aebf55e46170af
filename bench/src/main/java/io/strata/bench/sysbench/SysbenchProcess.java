package io.strata.bench.sysbench;

import io.strata.tests.target.ServerTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One bounded {@code sysbench} invocation against one server, with the stock Lua scripts unchanged.
 * Its combined stdout and stderr go to a file (the raw result); a run that outlives its bound is
 * sent SIGTERM, then SIGKILL, and reported as timed out.
 */
final class SysbenchProcess {
    /** The seed both servers get, so that prepare loads the same rows and runs draw the same keys. */
    static final int RANDOM_SEED = 20261124;
    private static final long KILL_WAIT_SECONDS = 10;

    /** What one invocation left behind: its exit code (-1 when timed out), the output and how long it took. */
    record Output(int exitCode, boolean timedOut, String text, Path file, double elapsedSeconds) {
        Output {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(file, "file");
        }
    }

    private final SysbenchConfig config;
    private final ShutdownCloser closer;

    SysbenchProcess(SysbenchConfig config, ShutdownCloser closer) {
        this.config = Objects.requireNonNull(config, "config");
        this.closer = Objects.requireNonNull(closer, "closer");
    }

    /** {@code sysbench oltp_common prepare}: creates and loads sbtest1..N, one table per thread at a time. */
    Output prepare(ServerTarget target, Path file) {
        int prepareThreads = Math.min(config.threads(), config.tables());
        return execute(arguments(target, "oltp_common", prepareThreads, "prepare"), file, config.prepareTimeoutSeconds());
    }

    /** {@code sysbench <workload> run} for {@code --time} seconds. */
    Output run(ServerTarget target, String workload, Path file) {
        return run(target, workload, file, config.timeSeconds());
    }

    /** {@code sysbench <workload> run} for {@code seconds} (a warm-up). */
    Output run(ServerTarget target, String workload, Path file, int seconds) {
        List<String> arguments = arguments(target, workload, config.threads(), "run");
        arguments.add(arguments.size() - 1, "--time=" + seconds);
        return execute(arguments, file, seconds + 120L);
    }

    private List<String> arguments(ServerTarget target, String script, int threads, String command) {
        return new ArrayList<>(List.of("sysbench", script, "--db-driver=mysql",
                "--mysql-host=" + target.host(), "--mysql-port=" + target.port(),
                "--mysql-user=" + target.user(), "--mysql-password=" + target.password(),
                "--mysql-db=" + SysbenchBench.DATABASE, "--tables=" + config.tables(),
                "--table-size=" + config.tableSize(), "--threads=" + threads,
                "--rand-seed=" + RANDOM_SEED, command));
    }

    private Output execute(List<String> arguments, Path file, long timeoutSeconds) {
        long start = System.nanoTime();
        Process process;
        try {
            Files.writeString(file, "$ " + String.join(" ", arguments) + "\n");
            process = new ProcessBuilder(arguments).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + arguments.get(0) + " (is sysbench installed?)", e);
        }
        AutoCloseable killer = process::destroyForcibly;
        closer.register(killer);
        boolean timedOut;
        try {
            timedOut = !process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (timedOut) {
                process.destroy();
                if (!process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
                }
                Files.writeString(file, "\nstrata bench: killed sysbench after " + timeoutSeconds + " s\n",
                        StandardOpenOption.APPEND);
            }
            return new Output(timedOut ? -1 : process.exitValue(), timedOut,
                    Files.readString(file, StandardCharsets.UTF_8), file, (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sysbench ran", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } finally {
            closer.unregister(killer);
        }
    }
}
