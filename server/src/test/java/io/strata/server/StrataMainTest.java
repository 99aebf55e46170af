package io.strata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: a child JVM running {@link StrataMain}. */
@Timeout(120)
class StrataMainTest {
    @TempDir
    Path directory;

    @Test
    void anUnknownStorageTypeExitsWithTwoNamingTheAllowedTypes() throws Exception {
        String printed = startFailing("storage.type=hdfs");
        assertTrue(printed.contains("strata: cannot start: storage.type=hdfs is not supported; use one of: local, s3"), printed);
    }

    @Test
    void anUnknownNetworkTransportExitsWithTwoBeforeCreatingTheDataDirectory() throws Exception {
        String printed = startFailing("server.io=uring");
        assertTrue(printed.contains("strata: cannot start: server.io must be auto, epoll or nio, not 'uring'"), printed);
        assertFalse(Files.exists(directory.resolve("data")), "nothing should start before the settings are checked");
    }

    /** Runs strata with {@code setting}, expects exit code 2 within a minute, returns what it printed. */
    private String startFailing(String setting) throws Exception {
        Path output = directory.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StrataMain.class.getName(),
                "--set", setting, "--set", "server.port=0", "--set", "data.dir=" + directory.resolve("data")))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("strata did not exit within 60 s: " + Files.readString(output));
        }
        String printed = Files.readString(output);
        assertEquals(2, process.exitValue(), printed);
        return printed;
    }
}
