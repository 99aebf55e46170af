package io.strata.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code mysql} CLI: {@code -e} in batch (tab-separated) and table ({@code -t}) format, a script
 * on stdin, an error stopping a script at its line, and a wrong password refused with ERROR 1045.
 * The table format also checks result metadata: the client right-aligns numeric types and sizes
 * columns from the values and the NOT NULL flag.
 */
class MysqlCliTest {
    private static final String DATABASE = "jt_cli";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE fruit (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(6,2), "
                    + "picked DATE)",
            "INSERT INTO fruit VALUES (1, 'apple', 1.50, '2024-05-01'), (2, 'banana', 0.25, NULL), "
                    + "(10, NULL, NULL, '2024-06-30')");

    @BeforeAll
    static void needsTheClient() {
        assumeTrue(Files.isExecutable(MysqlCli.BINARY), "the mysql client is not installed (apt-get install mariadb-client)");
    }

    @Test
    void executeOptionPrintsTabSeparatedBatchOutput() throws Exception {
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), null,
                "-e", "SELECT id, name, price, picked FROM fruit ORDER BY id", DATABASE);
        assertSuccess(outcome);
        assertEquals("""
                id\tname\tprice\tpicked
                1\tapple\t1.50\t2024-05-01
                2\tbanana\t0.25\tNULL
                10\tNULL\tNULL\t2024-06-30
                """, outcome.stdout());
    }

    @Test
    void tableOptionPrintsBoxedTable() throws Exception {
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), null,
                "-t", "-e", "SELECT id, name, price, picked FROM fruit ORDER BY id", DATABASE);
        assertSuccess(outcome);
        assertEquals("""
                +----+--------+-------+------------+
                | id | name   | price | picked     |
                +----+--------+-------+------------+
                |  1 | apple  |  1.50 | 2024-05-01 |
                |  2 | banana |  0.25 | NULL       |
                | 10 | NULL   |  NULL | 2024-06-30 |
                +----+--------+-------+------------+
                """, outcome.stdout());
    }

    @Test
    void skipColumnNamesAndAggregates() throws Exception {
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), null,
                "-N", "-e", "SELECT COUNT(*), SUM(price), MAX(name) FROM fruit", DATABASE);
        assertSuccess(outcome);
        assertEquals("3\t1.75\tbanana\n", outcome.stdout());
    }

    @Test
    void scriptOnStdinRunsEveryStatement() throws Exception {
        String script = """
                CREATE TABLE script_t (id INT PRIMARY KEY, v VARCHAR(10));
                INSERT INTO script_t VALUES (1, 'a'), (2, 'b');
                SELECT v FROM script_t ORDER BY id;
                UPDATE script_t SET v = 'c' WHERE id = 2;
                DELETE FROM script_t WHERE id = 1;
                SELECT id, v FROM script_t ORDER BY id;
                DROP TABLE script_t;
                SHOW TABLES;
                """;
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), script, DATABASE);
        assertSuccess(outcome);
        assertEquals("""
                v
                a
                b
                id\tv
                2\tc
                Tables_in_jt_cli
                fruit
                """, outcome.stdout());
    }

    @Test
    void scriptStopsAtTheFirstErrorAndNamesItsLine() throws Exception {
        String script = """
                SELECT 1 AS a;
                SELECT * FROM no_such_table;
                SELECT 2 AS b;
                """;
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), script, DATABASE);
        assertEquals(1, outcome.exitCode(), outcome.stderr());
        assertEquals("a\n1\n", outcome.stdout(), "the statement after the error does not run");
        // The client echoes the failing statement between dashes, then the error with its script line.
        assertTrue(outcome.stderr().contains("ERROR 1146 (42S02) at line 2: "), outcome.stderr());
        assertTrue(outcome.stderr().contains("no_such_table' doesn't exist"), outcome.stderr());
    }

    @Test
    void wrongPasswordGivesError1045() throws Exception {
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), "wrong-password", null, "-e", "SELECT 1");
        assertEquals(1, outcome.exitCode());
        assertEquals("", outcome.stdout());
        assertTrue(outcome.stderr().contains("ERROR 1045 (28000)"), outcome.stderr());
        assertTrue(outcome.stderr().contains("Access denied for user 'root'"), outcome.stderr());
    }

    @Test
    void showDatabasesListsTheDatabase() throws Exception {
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(), null, "-N", "-e", "SHOW DATABASES");
        assertSuccess(outcome);
        assertTrue(outcome.stdout().lines().anyMatch(DATABASE::equals), outcome.stdout());
    }

    private static void assertSuccess(MysqlCli.Outcome outcome) {
        assertEquals(0, outcome.exitCode(), "mysql failed: " + outcome.stderr());
        assertTrue(outcome.stderr().isEmpty() || outcome.stderr().startsWith("mysql: [Warning]"), outcome.stderr());
    }
}
