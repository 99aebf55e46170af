package io.strata.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LOAD DATA LOCAL INFILE through Connector/J ({@code allowLoadLocalInfile=true}): MySQL's default tab format
 * with its escapes and NULLs, CSV with enclosing quotes, IGNORE n LINES, column lists with variables and
 * SET, rows with too few or too many fields, values that do not convert, duplicate keys (skipped under LOCAL,
 * replaced with REPLACE), a file of 200,000 rows, and the statement joining an open transaction.
 */
class LoadDataTest {
    private static final String DATABASE = "jt_load";
    static final String LOCAL_FILES = "allowLoadLocalInfile=true";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE);

    private Path directory;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        directory = Files.createTempDirectory("strata-load-");
        connection = database.target().connect(DATABASE, LOCAL_FILES);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        io.strata.tests.target.TempDirectories.deleteRecursively(directory);
    }

    @Test
    void tabSeparatedFileWithEscapesAndNulls() throws Exception {
        execute("CREATE TABLE fruit (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(6,2), picked DATE)");
        Path file = write("fruit.tsv", "1\tapple\t1.50\t2024-05-01\n"
                + "2\t\\N\t\\N\t\\N\n"
                + "3\ttab\\there\t0.25\t2024-06-30\n"
                + "4\tback\\\\slash and new\\nline\t2\t2024-01-02\n");
        assertEquals(4, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE fruit"));
        assertEquals(List.of("1|apple|1.50|2024-05-01", "2|null|null|null", "3|tab\there|0.25|2024-06-30",
                "4|back\\slash and new\nline|2.00|2024-01-02"), rows("SELECT id, name, price, picked FROM fruit ORDER BY id"));
        assertEquals(List.of(), warnings());
    }

    @Test
    void csvWithEnclosingQuotesAndAHeaderLine() throws Exception {
        execute("CREATE TABLE quotes (id INT PRIMARY KEY, said VARCHAR(100), who VARCHAR(20))");
        Path file = write("quotes.csv", "id,said,who\r\n"
                + "1,\"a \"\"quoted\"\" word, with a comma\",ada\r\n"
                + "2,\"two\r\nlines\",\"bob\"\r\n"
                + "3,plain,NULL\r\n");
        assertEquals(3, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE quotes FIELDS TERMINATED BY ',' "
                + "OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\r\\n' IGNORE 1 LINES"));
        assertEquals(List.of("1|a \"quoted\" word, with a comma|ada", "2|two\r\nlines|bob", "3|plain|null"),
                rows("SELECT id, said, who FROM quotes ORDER BY id"));
    }

    @Test
    void columnListWithVariablesAndSetExpressions() throws Exception {
        execute("CREATE TABLE priced (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2), note VARCHAR(10) DEFAULT 'none')");
        Path file = write("priced.txt", "apple,10,1.25\nbanana,20,0.50\n");
        assertEquals(2, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE priced FIELDS TERMINATED BY ',' "
                + "(@name, id, @unit) SET name = UPPER(@name), price = CAST(@unit AS DECIMAL(8,2)) * 2"));
        assertEquals(List.of("10|APPLE|2.50|none", "20|BANANA|1.00|none"), rows("SELECT id, name, price, note FROM priced ORDER BY id"));
    }

    @Test
    void missingAndExtraFieldsAndBadValuesAreWarningsUnderLocal() throws Exception {
        execute("CREATE TABLE shaped (id INT PRIMARY KEY, qty INT NOT NULL DEFAULT 7, label VARCHAR(3))");
        Path file = write("shaped.txt", "1\t5\tabc\n2\n3\t4\txy\textra\n4\tlots\tabcdef\n");
        assertEquals(4, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE shaped"));
        assertEquals(List.of("1261|Row 2 doesn't contain data for all columns",
                "1262|Row 3 was truncated; it contained more data than there were input columns",
                "1366|Incorrect integer value: 'lots' for column 'qty' at row 4",
                "1265|Data truncated for column 'label' at row 4"), warnings());
        assertEquals(List.of("1|5|abc", "2|7|null", "3|4|xy", "4|0|abc"), rows("SELECT id, qty, label FROM shaped ORDER BY id"));
    }

    @Test
    void duplicateKeysAreSkippedUnderLocalAndReplacedWithReplace() throws Exception {
        execute("CREATE TABLE keyed (id INT PRIMARY KEY, v VARCHAR(10))");
        execute("INSERT INTO keyed VALUES (1, 'old'), (2, 'old')");
        Path file = write("keyed.txt", "1\tnew\n3\tnew\n3\tagain\n");
        assertEquals(1, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE keyed"));
        assertEquals(List.of("1062|Duplicate entry '1' for key 'keyed.PRIMARY'", "1062|Duplicate entry '3' for key 'keyed.PRIMARY'"),
                warnings());
        assertEquals(List.of("1|old", "2|old", "3|new"), rows("SELECT id, v FROM keyed ORDER BY id"));

        // REPLACE: three rows in, three holders deleted (the second 3 replaces the first); MySQL counts both
        assertEquals(6, update("LOAD DATA LOCAL INFILE '" + file + "' REPLACE INTO TABLE keyed"));
        assertEquals(List.of("1|new", "2|old", "3|again"), rows("SELECT id, v FROM keyed ORDER BY id"));
    }

    @Test
    void twoHundredThousandRowsArriveWhole() throws Exception {
        execute("CREATE TABLE big (id BIGINT PRIMARY KEY, k INT, name VARCHAR(30), amount DECIMAL(12,2), d DATE)");
        Path file = directory.resolve("big.tsv");
        int rows = 200_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= rows; i++) {
                out.write(i + "\t" + (i % 1000) + "\tname number " + i + "\t" + (i % 10000) + ".25\t2024-0" + (1 + i % 9) + "-1"
                        + (i % 10) + "\n");
            }
        }
        assertEquals(rows, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE big"));
        assertEquals(List.of(), warnings());
        assertEquals(List.of(rows + "|" + (long) rows * (rows + 1) / 2), rows("SELECT COUNT(*), SUM(id) FROM big"));
        assertEquals(List.of("200000|0|name number 200000|0.25|2024-03-10"),
                rows("SELECT id, k, name, amount, d FROM big WHERE id = 200000"));
    }

    @Test
    void joinsAnOpenTransactionAndRollsBackWithIt() throws Exception {
        execute("CREATE TABLE pending (id INT PRIMARY KEY)");
        Path file = write("pending.txt", "1\n2\n3\n");
        connection.setAutoCommit(false);
        assertEquals(3, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE pending"));
        assertEquals(List.of("3"), rows("SELECT COUNT(*) FROM pending"));
        connection.rollback();
        connection.setAutoCommit(true);
        assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM pending"));
    }

    @Test
    void aClientWithoutLocalFilesIsRefusedWith3948() throws Exception {
        execute("CREATE TABLE refused (id INT PRIMARY KEY)");
        Path file = write("refused.txt", "1\n");
        try (Connection plain = database.target().connect(DATABASE, "");
             Statement statement = plain.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE refused"));
            assertEquals(3948, refused.getErrorCode());
            assertEquals("42000", refused.getSQLState());
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM refused")) {
                assertTrue(result.next());
                assertEquals(0, result.getInt(1), "the connection is still usable and nothing was loaded");
            }
        }
    }

    @Test
    void aServerFileIsRefusedWithoutSecureFilePriv() throws Exception {
        execute("CREATE TABLE server_side (id INT PRIMARY KEY)");
        Path file = write("server.txt", "1\n");
        SQLException refused = assertThrows(SQLException.class,
                () -> update("LOAD DATA INFILE '" + file + "' INTO TABLE server_side"));
        assertEquals(1290, refused.getErrorCode());
        assertEquals("HY000", refused.getSQLState());
    }

    @Test
    void anUnknownColumnFailsBeforeTheFileIsAskedFor() throws Exception {
        execute("CREATE TABLE named (id INT PRIMARY KEY)");
        Path file = write("named.txt", "1\n");
        SQLException unknown = assertThrows(SQLException.class,
                () -> update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE named (id, nope)"));
        assertEquals(1054, unknown.getErrorCode());
        assertEquals(1, update("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE named (id)"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private int update(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private List<String> warnings() throws SQLException {
        List<String> warnings = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW WARNINGS")) {
            while (result.next()) {
                warnings.add(result.getInt("Code") + "|" + result.getString("Message"));
            }
        }
        return warnings;
    }
}
