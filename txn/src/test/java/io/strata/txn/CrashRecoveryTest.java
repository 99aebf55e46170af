package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A child JVM commits rows and is killed with SIGKILL mid-stream; every acknowledged commit must survive. */
class CrashRecoveryTest {
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void acknowledgedCommitsSurviveKillDashNine() throws Exception {
        long lastAck = runAndKill();
        try (RootAllocator allocator = new RootAllocator();
             ObjectStore store = new LocalDirObjectStore(dir.resolve("objects"))) {
            TransactionNode node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
            try (Transaction txn = node.begin()) {
                List<Long> ids = Rows.ids(txn, "app", "users");
                assertTrue(ids.size() >= lastAck, "acknowledged " + lastAck + ", recovered " + ids.size());
                for (int i = 0; i < lastAck; i++) {
                    assertTrue(ids.get(i) == i + 1, "acknowledged row " + (i + 1) + " is there");
                }
                assertTrue(ids.size() <= lastAck + 1, "at most the one commit in flight may also be there");
            } finally {
                node.close();
            }
            assertTrue(!store.list("checkpoints/").isEmpty(), "the child flushed at least once (threshold 50 rows)");
        }
    }

    private long runAndKill() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--") || arg.startsWith("-D") || arg.startsWith("-X"))
                .filter(arg -> !arg.startsWith("-Xmx"))
                .toList());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashingCommitter.class.getName());
        command.add(dir.toString());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lastAck = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    lastAck = Long.parseLong(line.substring(4));
                    if (lastAck == ACKS_BEFORE_KILL) {
                        // SIGKILL (no shutdown hooks, no flush, no close), through the handle: Process.destroy
                        // would also close the pipe this still reads.
                        child.toHandle().destroyForcibly();
                    }
                }
            }
            // Read to the end: the child went on committing until the signal landed, and every ACK it printed
            // (still in the pipe) was an acknowledged commit.
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child exited");
        }
        assertTrue(lastAck >= ACKS_BEFORE_KILL, "the child committed (last ack " + lastAck + ")");
        return lastAck;
    }
}
