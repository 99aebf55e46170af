package io.strata.tests;

import io.strata.tests.target.EmbeddedS3;
import io.strata.tests.target.StrataOnS3;
import io.strata.tests.target.StrataProcess;
import io.strata.tests.target.Targets;
import io.strata.txn.checkpoint.Checkpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Strata on S3 through {@link FaultyS3Proxy} (delays, 503 SlowDown, dropped connections before and
 * after S3 executed a request) and through an S3 outage (S3Proxy stopped, then started again), under
 * {@link PairLoad}. While it lasts, statements succeed or fail with a MySQL error; the server stays up
 * and its sessions go on. Afterwards, and again after a kill -9 and a restart without faults, every
 * acknowledged transaction is there, none is half there, and the newest checkpoint's objects are all
 * in the bucket. Strata flushes to S3 every {@value #FLUSH_ROWS} rows and every 500 ms meanwhile.
 */
@Timeout(600)
class S3FaultsTest {
    private static final int FLUSH_ROWS = 20;
    private static final String TABLE = "jt_s3faults.t";

    @TempDir
    Path directory;
    private EmbeddedS3 s3;
    private FaultyS3Proxy faults;
    private StrataProcess server;

    @BeforeEach
    void startServer() throws IOException {
        assumeTrue(Targets.targetName().startsWith("strata"), "Strata on S3 only");
        s3 = EmbeddedS3.inMemory();
        faults = FaultyS3Proxy.start(s3.port(), 42);
        Map<String, String> settings = new HashMap<>(StrataOnS3.settings(faults.endpoint(), StrataOnS3.BUCKET));
        settings.put("txn.flush-threshold-rows", Integer.toString(FLUSH_ROWS));
        settings.put("txn.flush-interval-ms", "500");
        settings.put("storage.s3.timeout-ms", "1000");
        settings.put("storage.s3.max-retries", "3");
        server = StrataProcess.on(directory.resolve("data"), directory.resolve("strata.log"), settings, null);
        server.start();
    }

    @AfterEach
    void stopEverything() throws IOException {
        if (server != null) {
            server.kill();
            server.close();
        }
        if (faults != null) {
            faults.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void faultsGiveErrorsNotLossAndTheCheckpointStaysWhole() throws Exception {
        runFaults(0.3, 2_000, 1_500, 2_000);
    }

    @Test
    @Tag("slow")
    void longerAndHarsherFaults() throws Exception {
        runFaults(0.5, 10_000, 5_000, 10_000);
    }

    /** Faults on {@code fraction} of requests for {@code beforeOutageMs}, S3 down for {@code outageMs}, faults again for {@code afterOutageMs}. */
    private void runFaults(double fraction, long beforeOutageMs, long outageMs, long afterOutageMs) throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE jt_s3faults");
            statement.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, txn BIGINT NOT NULL, v VARCHAR(10))");
        }
        PairLoad load = new PairLoad(server, TABLE);
        load.start(2);
        faults.faultFraction(fraction);
        Thread.sleep(beforeOutageMs);
        s3.stop();
        Thread.sleep(outageMs);
        s3.start();
        Thread.sleep(afterOutageMs);
        faults.faultFraction(0);
        load.stopAndJoin();
        System.out.printf("S3 faults: %s; %d transactions acknowledged, %d reads; errors: %s; broken connections: %d%n",
                faults.counts(), load.acknowledged().size(), load.reads(), load.errors(), load.brokenConnections().size());

        assertTrue(server.isRunning(), "the server survived the faults");
        assertTrue(load.brokenConnections().isEmpty(), "statements failed without a MySQL error (connection lost): "
                + load.brokenConnections().stream().limit(5).toList());
        assertTrue(load.acknowledged().size() > 5, "some transactions committed: " + load.acknowledged().size());
        assertTrue(faults.count(FaultyS3Proxy.Fault.NONE) > 0 && faults.injected() > 0,
                "S3 was used and faults were injected: " + faults.counts());
        assertEquals(1, selectOne(), "a new connection works after the faults");
        int presentBefore = load.checkPresent();

        server.kill();
        server.start();
        int presentAfter = load.checkPresent();
        assertEquals(presentBefore, presentAfter, "the same transactions before and after kill -9 and restart");
        Checkpoint checkpoint = BucketCheck.newestCheckpointIsComplete(s3, StrataOnS3.BUCKET);
        assertTrue(BucketCheck.dataObjectCount(checkpoint) > 0, "rows were flushed into S3 objects");
    }

    private long selectOne() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            assertTrue(result.next());
            return result.getLong(1);
        }
    }
}
