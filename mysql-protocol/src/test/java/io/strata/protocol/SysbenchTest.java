package io.strata.protocol;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sysbench (libmariadb) runs text and prepared queries from two threads for a second. */
class SysbenchTest {
    @TempDir
    Path directory;

    private static final String SCRIPT = """
            function thread_init()
              drv = sysbench.sql.driver()
              con = drv:connect()
              stmt = con:prepare("SELECT * FROM all_types WHERE id = ?")
              params = stmt:bind_create(sysbench.sql.type.INT)
              stmt:bind_param(params)
            end
            function event()
              con:query("SELECT * FROM all_types WHERE id = 1")
              params:set(3)
              stmt:execute()
            end
            function thread_done()
              stmt:close()
              con:disconnect()
            end
            """;

    @Test
    void textAndPreparedQueriesRunWithoutErrors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sysbench")), "sysbench not installed");
        Path script = directory.resolve("protocol.lua");
        Files.writeString(script, SCRIPT);
        try (ServerFixture fixture = new ServerFixture(directory.resolve("tls"))) {
            Process process = new ProcessBuilder(List.of("/usr/bin/sysbench", script.toString(), "--db-driver=mysql",
                    "--mysql-host=127.0.0.1", "--mysql-port=" + fixture.port(), "--mysql-user=root",
                    "--mysql-password=111", "--mysql-db=test", "--threads=2", "--time=1", "run"))
                    .redirectErrorStream(true).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "sysbench did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            Matcher queries = Pattern.compile("total:\\s+(\\d+)").matcher(output);
            assertTrue(queries.find(), output);
            assertTrue(Long.parseLong(queries.group(1)) > 10, output);
            Matcher errors = Pattern.compile("errors:\\s+(\\d+)").matcher(output);
            assertTrue(errors.find(), output);
            assertEquals("0", errors.group(1), output);
        }
    }
}
