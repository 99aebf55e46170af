package io.strata.tests;

import io.strata.tests.target.RestartableServer;
import io.strata.tests.target.Targets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Money is neither made nor lost ({@link BankLoad}): four threads transfer between 20 accounts while a
 * reader checks the total; then the server is killed (SIGKILL) and started again, and every account
 * holds exactly what the committed transfers imply. The transfers compute new balances from what they
 * read, so a lost update would change the total: this relies on Strata's first-committer-wins (InnoDB
 * would need SELECT ... FOR UPDATE), hence Strata only.
 */
@Timeout(180)
class BankInvariantTest {
    private static final int ACCOUNTS = 20;
    private static final int TRANSFER_THREADS = 4;
    /** The load stops at this many committed transfers, or after MAX_LOAD_MS on a slow (shared) machine. */
    private static final long TARGET_TRANSFERS = 200;
    private static final long MAX_LOAD_MS = 20_000;

    @TempDir
    Path directory;
    private RestartableServer server;

    @BeforeEach
    void startServer() {
        server = Targets.restartableOn(directory);
        assumeTrue(server != null, "an external server cannot be restarted by the tests");
        assumeTrue(server.engineNames().contains("strata"), "InnoDB allows lost updates without SELECT ... FOR UPDATE");
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.kill();
            server.close();
        }
    }

    @Test
    void transfersKeepTheTotalAcrossConflictsAndAKill() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE jt_bank");
        }
        BankLoad bank = new BankLoad(server, "jt_bank.accounts", ACCOUNTS);
        bank.createAccounts();
        bank.run(TRANSFER_THREADS, TARGET_TRANSFERS, MAX_LOAD_MS);
        System.out.printf("bank: %d transfers committed, %d conflicts retried, %d total checks%n",
                bank.committed(), bank.conflicts(), bank.checks());
        assertTrue(bank.committed() > 10, "some transfers committed: " + bank.committed());
        assertTrue(bank.checks() > 0, "the reader checked the total at least once");
        long[] expected = bank.expectedBalances();
        assertEquals(bank.total(), Arrays.stream(expected).sum(), "the booked transfers add up");
        assertArrayEquals(expected, bank.balances(), "every account as the committed transfers imply");

        server.kill();
        server.start();
        assertArrayEquals(expected, bank.balances(), "the same balances after kill -9 and restart");
        assertEquals(bank.total(), Arrays.stream(bank.balances()).sum());
    }
}
