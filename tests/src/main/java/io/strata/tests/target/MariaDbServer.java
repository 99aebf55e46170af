package io.strata.tests.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB ({@code /usr/sbin/mariadbd}) on a loopback port with its own data directory,
 * configured to behave like MySQL 8 where a setting can do it (sql_mode, utf8mb4, UTC). It is the
 * oracle for expected results and the baseline of the benchmarks. User root, password 111, like Strata.
 */
public final class MariaDbServer implements RestartableServer {
    public static final String USER = "root";
    public static final String PASSWORD = "111";
    private static final String MYSQL8_SQL_MODE = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,"
            + "NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";
    private static final long START_TIMEOUT_MS = 60_000;
    private static final long STOP_TIMEOUT_MS = 60_000;

    private final Path baseDirectory;
    private final boolean ownsDirectory;
    private Process process;
    private int unansweredStartProbes;
    private int port;

    private MariaDbServer(Path baseDirectory, boolean ownsDirectory) {
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
        this.ownsDirectory = ownsDirectory;
    }

    /** Initializes a data directory in a new temporary directory and starts the server; close() removes it. */
    public static MariaDbServer startTemporary() {
        MariaDbServer server = new MariaDbServer(TempDirectories.create("strata-mariadb-"), true);
        server.start();
        return server;
    }

    /** A server on {@code baseDirectory} (initialized on first start), not yet started; close() keeps the data. */
    public static MariaDbServer on(Path baseDirectory) {
        return new MariaDbServer(baseDirectory, false);
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("MariaDB is already running on port " + port);
        }
        Path dataDirectory = baseDirectory.resolve("data");
        try {
            if (!Files.isDirectory(dataDirectory.resolve("mysql"))) {
                install(dataDirectory);
            }
            Path initFile = baseDirectory.resolve("init.sql");
            Files.writeString(initFile, String.join("\n",
                    "ALTER USER 'root'@'localhost' IDENTIFIED BY '" + PASSWORD + "';",
                    "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';",
                    "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';",
                    "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
                    "FLUSH PRIVILEGES;", ""));
            port = FreePort.pick();
            List<String> command = new ArrayList<>(List.of("/usr/sbin/mariadbd", "--no-defaults"));
            if ("root".equals(System.getProperty("user.name"))) {
                command.add("--user=root");
            }
            command.addAll(List.of("--datadir=" + dataDirectory, "--socket=" + baseDirectory.resolve("mysqld.sock"),
                    "--pid-file=" + baseDirectory.resolve("mysqld.pid"), "--log-error=" + baseDirectory.resolve("error.log"),
                    "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve", "--init-file=" + initFile,
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
                    "--sql-mode=" + MYSQL8_SQL_MODE, "--default-time-zone=+00:00", "--skip-log-bin",
                    "--performance-schema=OFF", "--innodb-buffer-pool-size=128M", "--max-connections=300",
                    "--innodb-flush-log-at-trx-commit=1"));
            // -Dstrata.test.mariadbArgs adds (later options win), e.g. to show that the crash test
            // notices lost commits: --innodb-flush-log-at-trx-commit=0.
            String extra = System.getProperty("strata.test.mariadbArgs", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(baseDirectory.resolve("mariadbd.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd in " + baseDirectory, e);
        }
        unansweredStartProbes = ReadyWait.untilConnectable(this, START_TIMEOUT_MS, this::isRunning,
                "mariadbd (log: " + baseDirectory.resolve("error.log") + ")");
    }

    private void install(Path dataDirectory) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/mariadb-install-db", "--no-defaults",
                "--datadir=" + dataDirectory, "--auth-root-authentication-method=normal", "--skip-test-db"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        Path log = baseDirectory.resolve("install.log");
        Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!install.waitFor(120, TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db did not finish in 120 s (log: " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed with " + install.exitValue() + ": "
                    + Files.readString(log));
        }
    }

    @Override
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(STOP_TIMEOUT_MS);
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit(STOP_TIMEOUT_MS)) {
                process.destroyForcibly();
                awaitExit(STOP_TIMEOUT_MS);
            }
        }
    }

    private boolean awaitExit(long timeoutMs) {
        try {
            return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
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
        return "mariadb";
    }

    @Override
    public Set<String> engineNames() {
        return Set.of("mariadb", "mysql");
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
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        stop();
        if (ownsDirectory) {
            TempDirectories.deleteRecursively(baseDirectory);
        }
    }
}
