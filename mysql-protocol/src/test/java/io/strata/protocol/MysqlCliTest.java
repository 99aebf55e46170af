package io.strata.protocol;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The `mysql` command-line client (Debian's mariadb-client) against the server. */
class MysqlCliTest {
    @TempDir
    static Path tls;
    static ServerFixture fixture;

    record Run(int exitCode, String stdout, String stderr) {}

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mysql")), "mysql CLI not installed");
        fixture = new ServerFixture(tls);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static Run mysql(String stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/mysql", "--no-defaults", "-h", "127.0.0.1",
                "-P", String.valueOf(fixture.port()), "--connect-timeout=10"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mysql CLI did not finish: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void batchOutputOfEveryTypeMatchesMysqlFormats() throws Exception {
        Run run = mysql(null, "-uroot", "-p111", "-Dtest", "--batch", "-e", "SELECT * FROM all_types WHERE id = 1");
        assertEquals(0, run.exitCode(), run.stderr());
        String[] lines = run.stdout().split("\n");
        assertEquals(2, lines.length, run.stdout());
        assertTrue(lines[0].startsWith("id\tc_bool\tc_tiny\t"), lines[0]);
        String[] values = lines[1].split("\t");
        List<String> expected = new ArrayList<>(ExpectedRows.ROW_1);
        expected.set(12, "\u0001\u0002\u0003");
        expected.set(13, values[13]); // 0x00 0xFF: the CLI escapes NUL and prints a non-UTF-8 byte
        assertEquals(expected, List.of(values));
    }

    @Test
    void scriptOnStdinRunsEveryStatement() throws Exception {
        String script = "SELECT 1;\nBEGIN;\nSELECT * FROM all_types WHERE id = 2;\nCOMMIT;\nSELECT DATABASE();\n";
        Run run = mysql(script, "-uroot", "-p111", "-Dtest", "--batch");
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> lines = List.of(run.stdout().split("\n"));
        assertEquals("1", lines.get(0));
        assertEquals("1", lines.get(1));
        assertEquals(String.join("\t", ExpectedRows.ROW_2), lines.get(3));
        assertEquals("DATABASE()", lines.get(4));
        assertEquals("test", lines.get(5));

        Run switched = mysql("use other\nSELECT DATABASE();\n", "-uroot", "-p111", "-Dtest", "--batch", "--skip-column-names");
        assertEquals(0, switched.exitCode(), switched.stderr());
        assertEquals("other\n", switched.stdout(), "the CLI's use command goes through COM_INIT_DB");
    }

    @Test
    void tableOutputOverTlsWithNativePassword() throws Exception {
        Run run = mysql(null, "-uroot", "-p111", "-Dtest", "--ssl", "--default-auth=mysql_native_password",
                "--table", "-e", "SELECT * FROM all_types WHERE id = 3; SHOW WARNINGS");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains(" 1e20 |"), run.stdout());
        assertTrue(run.stdout().contains("| 2000-01-01 00:00:00.000001 |"), run.stdout());
        assertTrue(run.stdout().contains("| [-0.5, 0, 1e-7] "), run.stdout());

        Run status = mysql(null, "-uroot", "-p111", "--ssl", "--default-auth=mysql_native_password", "-e", "status");
        assertEquals(0, status.exitCode(), status.stderr());
        assertTrue(status.stdout().contains("Cipher in use is"), status.stdout() + status.stderr());
        assertTrue(status.stdout().contains("8.0.30-Strata-0.1"), status.stdout());
    }

    @Test
    void cachingSha2WithoutTlsUsesTheServerKey() throws Exception {
        Run run = mysql(null, "-uroot", "-p111", "--skip-ssl", "--default-auth=caching_sha2_password", "-e", "SELECT 9");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("9\n9\n", run.stdout());
    }

    @Test
    void wrongPasswordAndErrorsAreReported() throws Exception {
        Run denied = mysql(null, "-uroot", "-pnope", "-e", "SELECT 1");
        assertEquals(1, denied.exitCode());
        assertTrue(denied.stderr().contains("ERROR 1045 (28000): Access denied for user 'root'@'127.0.0.1'"), denied.stderr());

        Run failed = mysql(null, "-uroot", "-p111", "-Dtest", "-e", "FAIL");
        assertEquals(1, failed.exitCode());
        assertTrue(failed.stderr().contains("ERROR 1146 (42S02)"), failed.stderr());
    }
}
