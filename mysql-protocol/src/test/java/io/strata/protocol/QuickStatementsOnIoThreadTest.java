package io.strata.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prepared cached read runs on the connection's IO thread while its previous execution was quick
 * (little CPU, a short answer), and on a worker again after one that was not.
 */
class QuickStatementsOnIoThreadTest {
    @RegisterExtension
    static final SharedServer fixture = new SharedServer();

    @Test
    void aCachedReadMovesToTheIoThreadAfterAQuickRunAndBackAfterASlowOne() throws SQLException {
        try (Connection connection = DriverManager.getConnection(fixture.mysqlUrl("test",
                "user=root&password=111&sslMode=REQUIRED&useServerPrepStmts=true&cachePrepStmts=false"));
             PreparedStatement statement = connection.prepareStatement("select running_thread(?)")) {
            assertWorker(run(statement, 0), "the first execution: nothing known about it yet");
            assertIo(untilOnIoThread(statement), "after a quick execution");
            assertIo(run(statement, 5), "still after a quick execution (this one spins 5 ms of CPU)");
            assertWorker(run(statement, 0), "after an execution over the 1 ms CPU bound");
            assertIo(untilOnIoThread(statement), "quick again");
        }
    }

    /**
     * Runs the statement without spinning until it runs on the IO thread (at most 100 times): in a fresh
     * JVM or on a loaded machine one execution may still exceed the bounds (class loading, scheduling).
     */
    private static String untilOnIoThread(PreparedStatement statement) throws SQLException {
        String thread = run(statement, 0);
        for (int attempt = 0; attempt < 100 && !thread.startsWith("strata-mysql-io"); attempt++) {
            thread = run(statement, 0);
        }
        return thread;
    }

    private static String run(PreparedStatement statement, int spinMillis) throws SQLException {
        statement.setInt(1, spinMillis);
        try (ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private static void assertIo(String thread, String when) {
        assertTrue(thread.startsWith("strata-mysql-io"), when + ": ran on " + thread);
    }

    private static void assertWorker(String thread, String when) {
        assertTrue(thread.startsWith("strata-session"), when + ": ran on " + thread);
    }
}
