package io.strata.tests.target;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded, until a freshly started server answers {@code SELECT 1}. Each probe is a new
 * connection with short timeouts, so one unanswered connection does not use up the whole wait.
 */
final class ReadyWait {
    private ReadyWait() {}

    /**
     * A probe covers connect, greeting, login and the first {@code SELECT 1}, which a cold JVM on a busy
     * 2-core machine may take seconds to plan; a connection that is never answered still fails it.
     */
    private static final int PROBE_TIMEOUT_MS = 20_000;

    /**
     * Returns how many probes the server accepted but never answered (a read timeout, not a refused
     * connection): a healthy server answers every connection once it listens.
     */
    static int untilConnectable(ServerTarget target, long timeoutMs, BooleanSupplier alive, String what) {
        String url = "jdbc:mysql://" + target.host() + ":" + target.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&connectTimeout=" + PROBE_TIMEOUT_MS + "&socketTimeout=" + PROBE_TIMEOUT_MS;
        long deadline = System.currentTimeMillis() + timeoutMs;
        int unansweredProbes = 0;
        SQLException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited during start-up", last);
            }
            try (Connection connection = DriverManager.getConnection(url, target.user(), target.password())) {
                connection.createStatement().execute("SELECT 1");
                if (unansweredProbes > 0) {
                    System.err.println(what + " accepted " + unansweredProbes + " connection(s) without answering before "
                            + "it answered one; the last failure: " + last);
                }
                return unansweredProbes;
            } catch (SQLException e) {
                last = e;
                unansweredProbes += readTimedOut(e) ? 1 : 0;
            }
            sleep(200);
        }
        throw new IllegalStateException(what + " did not accept connections within " + timeoutMs + " ms", last);
    }

    private static boolean readTimedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
