package io.strata.tests;

import io.strata.tests.target.StrataInProcess;
import io.strata.tests.target.TempDirectories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * LOAD DATA of files on the server, on a server of its own started with {@code load.secure-file-priv} (only
 * files under that directory are read) and {@code load.local-infile=OFF}: without LOCAL or IGNORE the load is
 * strict, so a bad value, a short row or a duplicate key fails the whole statement and leaves nothing.
 */
class LoadDataServerFileTest {
    private static Path files;
    private static StrataInProcess server;

    @BeforeAll
    static void start() throws Exception {
        files = Files.createTempDirectory("strata-secure-files-");
        server = StrataInProcess.startTemporary(Map.of("load.secure-file-priv", files.toString(),
                "load.local-infile", "OFF"), null);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE served");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TempDirectories.deleteRecursively(files);
    }

    @Test
    void aFileInTheDirectoryLoadsByRelativeName() throws Exception {
        Files.writeString(files.resolve("plain.txt"), "1\ta\n2\tb\n");
        try (Connection connection = server.connect("served", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE plain (id INT PRIMARY KEY, v VARCHAR(5))");
            assertEquals(2, statement.executeUpdate("LOAD DATA INFILE 'plain.txt' INTO TABLE plain"));
            assertEquals(2, count(statement, "plain"));
        }
    }

    @Test
    void aBadValueOnRow150000FailsTheLoadAndLeavesNothing() throws Exception {
        Path file = files.resolve("bad.txt");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 200_000; i++) {
                out.write(i + "\t" + (i == 150_000 ? "many" : Integer.toString(i)) + "\n");
            }
        }
        try (Connection connection = server.connect("served", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE strict_load (id INT PRIMARY KEY, qty INT)");
            SQLException bad = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("LOAD DATA INFILE 'bad.txt' INTO TABLE strict_load"));
            assertEquals(1366, bad.getErrorCode());
            assertEquals("Incorrect integer value: 'many' for column 'qty' at row 150000", bad.getMessage());
            assertEquals(0, count(statement, "strict_load"));
            // IGNORE makes it a warning, as LOCAL would
            assertEquals(200_000, statement.executeUpdate("LOAD DATA INFILE 'bad.txt' IGNORE INTO TABLE strict_load"));
            assertEquals(1, statement.getWarnings() == null ? 0 : 1);
        }
    }

    @Test
    void aDuplicateKeyOrAShortRowFailsWithoutIgnore() throws Exception {
        Files.writeString(files.resolve("dup.txt"), "1\tx\n2\ty\n1\tz\n");
        Files.writeString(files.resolve("short.txt"), "1\tx\n2\n");
        try (Connection connection = server.connect("served", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE dup (id INT PRIMARY KEY, v VARCHAR(5))");
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("LOAD DATA INFILE 'dup.txt' INTO TABLE dup"));
            assertEquals(1062, duplicate.getErrorCode());
            assertEquals("23000", duplicate.getSQLState());
            assertEquals(0, count(statement, "dup"));
            SQLException shortRow = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("LOAD DATA INFILE 'short.txt' INTO TABLE dup"));
            assertEquals(1261, shortRow.getErrorCode());
            assertEquals(2, statement.executeUpdate("LOAD DATA INFILE 'dup.txt' IGNORE INTO TABLE dup"));
            try (ResultSet warnings = statement.executeQuery("SHOW WARNINGS")) {
                warnings.next();
                assertEquals(1062, warnings.getInt("Code"));
            }
        }
    }

    @Test
    void filesOutsideTheDirectoryAreRefusedAndMissingOnesNamed() throws Exception {
        try (Connection connection = server.connect("served", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE guarded (line VARCHAR(500))");
            for (String name : new String[] {"/etc/passwd", "../../../../../../etc/passwd"}) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.executeUpdate("LOAD DATA INFILE '" + name + "' INTO TABLE guarded"));
                assertEquals(1290, refused.getErrorCode(), name);
            }
            SQLException missing = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("LOAD DATA INFILE 'absent.txt' INTO TABLE guarded"));
            assertEquals(29, missing.getErrorCode());
            assertEquals(0, count(statement, "guarded"));
        }
    }

    @Test
    void localInfileOffRefusesLocalLoadsWith3948() throws Exception {
        Path file = Files.writeString(files.resolve("local.txt"), "1\n");
        try (Connection connection = server.connect("served", LoadDataTest.LOCAL_FILES);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE local_off (id INT PRIMARY KEY)");
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE local_off"));
            assertEquals(3948, refused.getErrorCode());
            statement.execute("SET GLOBAL local_infile = ON");
            assertEquals(1, statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE local_off"));
            statement.execute("SET GLOBAL local_infile = OFF");
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
