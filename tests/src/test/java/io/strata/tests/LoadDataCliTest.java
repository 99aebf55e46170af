package io.strata.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * LOAD DATA LOCAL INFILE from the {@code mysql} CLI ({@code --local-infile=1}): the OK's info line, a file the
 * client cannot open (its own error; the connection goes on), and the client refusing with local-infile off.
 */
class LoadDataCliTest {
    private static final String DATABASE = "jt_load_cli";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE cli_load (id INT PRIMARY KEY, name VARCHAR(20))");

    @BeforeAll
    static void needsTheClient() {
        assumeTrue(Files.isExecutable(MysqlCli.BINARY), "the mysql client is not installed (apt-get install mariadb-client)");
    }

    @Test
    void loadsAFileAndPrintsMysqlsInfoLine() throws Exception {
        Path file = Files.createTempFile("strata-cli-load-", ".txt");
        try {
            Files.writeString(file, "1\tada\n2\tbob\n2\tdup\n3\n");
            MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), null,
                    "--local-infile=1", "-vvv", "-e", "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE cli_load", DATABASE);
            assertEquals(0, outcome.exitCode(), outcome.stderr());
            assertTrue(outcome.stdout().contains("Query OK, 3 rows affected"), outcome.stdout());
            assertTrue(outcome.stdout().contains("Records: 4  Deleted: 0  Skipped: 1  Warnings: 2"), outcome.stdout());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aMissingFileIsTheClientsErrorAndTheConnectionGoesOn() throws Exception {
        String script = "LOAD DATA LOCAL INFILE '/nonexistent/strata.txt' INTO TABLE cli_load;\nSELECT 'still here';\n";
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), script,
                "--local-infile=1", "--force", "-N", DATABASE);
        assertTrue(outcome.stderr().contains("/nonexistent/strata.txt"), outcome.stderr());
        assertEquals("still here\n", outcome.stdout());
    }

    @Test
    void withoutLocalInfileTheServerRefusesWith3948() throws Exception {
        Path file = Files.createTempFile("strata-cli-load-", ".txt");
        try {
            Files.writeString(file, "9\tzed\n");
            MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), null,
                    "--local-infile=0", "-e", "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE cli_load", DATABASE);
            assertEquals(1, outcome.exitCode());
            assertTrue(outcome.stderr().contains("ERROR 3948 (42000)"), outcome.stderr());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
