package io.strata.tests;

import io.strata.tests.target.ServerTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's {@code mysqldump} (MariaDB's) dumps a database with its default options (LOCK TABLES,
 * {@code SELECT /*!40001 SQL_NO_CACHE *}{@code /}, information_schema lookups), and the {@code mysql}
 * client replays the dump into another database: the same rows, keys and table definitions.
 */
@Timeout(120)
class MysqldumpTest {
    private static final String SOURCE = "jt_dump_from";
    private static final String COPY = "jt_dump_to";

    @RegisterExtension
    static final SuiteDatabase source = new SuiteDatabase(SOURCE,
            "CREATE TABLE users (id INT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(40) NOT NULL UNIQUE, "
                    + "name VARCHAR(20), score DECIMAL(6,2), joined DATE, KEY by_name (name))",
            "INSERT INTO users (email, name, score, joined) VALUES ('a@x', 'ann', 1.50, '2024-05-01'), "
                    + "('b@x', 'bob''s \\\\ \"quote\"', NULL, NULL), ('c@x', NULL, -3.25, '1999-12-31')",
            "CREATE TABLE notes (body TEXT, n BIGINT)",
            "INSERT INTO notes VALUES ('line one\\nline two', 1), (NULL, NULL)");

    @RegisterExtension
    static final SuiteDatabase copy = new SuiteDatabase(COPY);

    private static ServerTarget target;

    @BeforeAll
    static void needsTheClients() {
        assumeTrue(Files.isExecutable(MysqlCli.DUMP_BINARY) && Files.isExecutable(MysqlCli.BINARY),
                "mysqldump and mysql are not installed (apt-get install mariadb-client)");
        target = source.target();
    }

    @Test
    void aDumpReplaysIntoAnotherDatabase() throws Exception {
        MysqlCli.Outcome dump = MysqlCli.run(MysqlCli.DUMP_BINARY, target, target.password(), null, "--no-tablespaces", SOURCE);
        assertEquals(0, dump.exitCode(), dump.stderr());
        assertTrue(dump.stdout().contains("LOCK TABLES `users` WRITE"), dump.stdout());
        assertTrue(dump.stdout().contains("UNIQUE KEY `email` (`email`)"), dump.stdout());

        MysqlCli.Outcome restore = MysqlCli.run(target, target.password(), dump.stdout(), COPY);
        assertEquals(0, restore.exitCode(), restore.stderr());
        for (String query : List.of("SELECT * FROM users ORDER BY id", "SELECT * FROM notes ORDER BY n",
                "SHOW INDEX FROM users", "SHOW CREATE TABLE users", "SHOW CREATE TABLE notes")) {
            assertEquals(rows(SOURCE, query), rows(COPY, query), query);
        }
        try (Connection connection = target.connect(COPY, ""); Statement statement = connection.createStatement()) {
            java.sql.SQLException duplicate = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> statement.execute("INSERT INTO users (email) VALUES ('a@x')"));
            assertEquals(1062, duplicate.getErrorCode(), "the UNIQUE key came along");
        }
    }

    /** --single-transaction: one consistent snapshot, with a savepoint rolled back to after each table. */
    @Test
    void aSingleTransactionDumpHasEveryRow() throws Exception {
        MysqlCli.Outcome dump = MysqlCli.run(MysqlCli.DUMP_BINARY, target, target.password(), null, "--no-tablespaces",
                "--single-transaction", SOURCE, "users");
        assertEquals(0, dump.exitCode(), dump.stderr());
        assertTrue(dump.stdout().contains("(1,'a@x','ann',1.50,'2024-05-01')"), dump.stdout());
        assertTrue(dump.stdout().contains("(3,'c@x',NULL,-3.25,'1999-12-31')"), dump.stdout());
    }

    private static List<String> rows(String database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = target.connect(database, ""); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString().replace(SOURCE, "<db>").replace(COPY, "<db>"));
            }
        }
        return rows;
    }
}
