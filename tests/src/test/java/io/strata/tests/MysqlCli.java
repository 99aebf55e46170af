package io.strata.tests;

import io.strata.tests.target.ServerTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code mysql} command-line client, or another of Debian's mariadb-client tools such as
 * {@code mysqldump}, against a target, bounded in time.
 */
final class MysqlCli {
    static final Path BINARY = Path.of("/usr/bin/mysql");
    static final Path DUMP_BINARY = Path.of("/usr/bin/mysqldump");
    private static final long TIMEOUT_SECONDS = 60;

    record Outcome(int exitCode, String stdout, String stderr) {}

    private MysqlCli() {}

    /** {@code mysql --no-defaults -h -P -u -p ARGS...} with {@code stdin} (may be null) as its input. */
    static Outcome run(ServerTarget target, String password, String stdin, String... args) throws IOException, InterruptedException {
        return run(BINARY, target, password, stdin, args);
    }

    /** {@code binary --no-defaults -h -P -u -p ARGS...} with {@code stdin} (may be null) as its input. */
    static Outcome run(Path binary, ServerTarget target, String password, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--no-defaults", "--protocol=TCP",
                "-h" + target.host(), "-P" + target.port(), "-u" + target.user(), "-p" + password));
        if (binary.equals(BINARY)) {
            command.add("--connect-timeout=10"); // mysqldump has no such option; the process timeout bounds it
        }
        command.addAll(List.of(args));
        Path scratch = Files.createTempDirectory("strata-cli-");
        try {
            Path in = scratch.resolve("stdin");
            Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            Path out = scratch.resolve("stdout");
            Path err = scratch.resolve("stderr");
            Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(binary.getFileName() + " did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            io.strata.tests.target.TempDirectories.deleteRecursively(scratch);
        }
    }
}
