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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link CrashLoad} against Strata on S3: S3Proxy runs in this JVM (so the objects outlive the Strata
 * child process), Strata flushes every {@value #FLUSH_ROWS} rows so that flushes and checkpoints go
 * to S3 while it is killed. After the restart nothing acknowledged is lost, nothing uncommitted shows,
 * and the newest checkpoint lists only objects that are in the bucket.
 */
@Timeout(600)
class KillNineOnS3Test {
    private static final int FLUSH_ROWS = 100;

    @TempDir
    Path directory;
    private EmbeddedS3 s3;
    private StrataProcess server;

    @BeforeEach
    void startServer() {
        assumeTrue(Targets.targetName().startsWith("strata"), "Strata on S3 only");
        s3 = EmbeddedS3.inMemory();
        Map<String, String> settings = new HashMap<>(StrataOnS3.settings(s3.endpoint(), StrataOnS3.BUCKET));
        settings.put("txn.flush-threshold-rows", Integer.toString(FLUSH_ROWS));
        server = StrataProcess.on(directory.resolve("data"), directory.resolve("strata.log"), settings, s3);
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.kill();
            server.close(); // and the S3
        }
    }

    @Test
    void killNineUnderLoadLosesNoAcknowledgedCommit() throws Exception {
        createTable();
        crashUnderLoadAndCheck(3_000, 0);
    }

    @Test
    @Tag("slow")
    void repeatedKillNineUnderLoadLosesNothing() throws Exception {
        createTable();
        for (int cycle = 1; cycle <= 4; cycle++) {
            crashUnderLoadAndCheck(10_000, cycle * 100_000_000L);
        }
    }

    private void createTable() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE jt_s3crash");
            statement.execute("CREATE TABLE jt_s3crash.t (id BIGINT PRIMARY KEY, writer INT NOT NULL, v VARCHAR(40))");
        }
    }

    private void crashUnderLoadAndCheck(long loadMs, long idBase) throws Exception {
        CrashLoad load = new CrashLoad(server, "jt_s3crash.t", loadMs, idBase);
        load.runThenKill();
        assertFalse(server.isRunning());
        server.start();
        load.checkRecovered();
        Checkpoint checkpoint = BucketCheck.newestCheckpointIsComplete(s3, StrataOnS3.BUCKET);
        System.out.printf("S3 crash: %d rows acknowledged; newest checkpoint lsn %d lists %d data objects%n",
                load.acknowledged().size(), checkpoint.lsn(), BucketCheck.dataObjectCount(checkpoint));
        if (load.acknowledged().size() > 2 * FLUSH_ROWS) {
            assertTrue(BucketCheck.dataObjectCount(checkpoint) > 0, "rows past the flush threshold were flushed to S3");
        }
    }
}
