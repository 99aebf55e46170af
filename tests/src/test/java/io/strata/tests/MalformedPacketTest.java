package io.strata.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A malformed or truncated packet closes only the connection that sent it: a JDBC session opened
 * before (with an open transaction) goes on, committed data is intact, new clients can connect.
 */
class MalformedPacketTest {
    private static final String DATABASE = "jt_malformed";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))",
            "INSERT INTO t VALUES (1, 'committed')");

    private Connection bystander;

    @BeforeEach
    void openBystanderWithOpenTransaction() throws SQLException {
        bystander = database.target().connect(DATABASE, "");
        bystander.setAutoCommit(false);
        try (Statement statement = bystander.createStatement()) {
            statement.execute("DELETE FROM t WHERE id > 1");
            statement.execute("INSERT INTO t VALUES (2, 'pending')");
        }
    }

    @AfterEach
    void bystanderGoesOn() throws SQLException {
        try (Statement statement = bystander.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                assertTrue(rows.next());
                assertEquals(2, rows.getInt(1), "the bystander's transaction still holds its own insert");
            }
            bystander.commit();
        } finally {
            bystander.close();
        }
        try (Connection fresh = database.target().connect(DATABASE, ""); Statement statement = fresh.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, v FROM t ORDER BY id")) {
            assertTrue(rows.next());
            assertEquals("committed", rows.getString(2));
            assertTrue(rows.next());
            assertEquals("pending", rows.getString(2), "the bystander's commit went through");
        }
    }

    @Test
    void garbageHandshakeResponseClosesThatConnection() throws IOException {
        try (RawMysqlSocket raw = RawMysqlSocket.connect(database.target().host(), database.target().port())) {
            raw.writePacket(1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x13, 0x37, 0, 1});
            raw.drainUntilClosed();
        }
    }

    @Test
    void truncatedPacketClosesThatConnection() throws IOException {
        try (RawMysqlSocket raw = RawMysqlSocket.connect(database.target().host(), database.target().port())) {
            // The header promises 200 bytes; 20 arrive, then the client stops sending.
            byte[] truncated = new byte[24];
            truncated[0] = (byte) 200;
            truncated[3] = 1;
            raw.writeRaw(truncated);
            raw.shutdownOutput();
            raw.drainUntilClosed();
        }
    }

    @Test
    void oversizedLengthHeaderClosesThatConnection() throws IOException {
        try (RawMysqlSocket raw = RawMysqlSocket.connect(database.target().host(), database.target().port())) {
            raw.writeRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 1, 2, 3});
            raw.shutdownOutput();
            raw.drainUntilClosed();
        }
    }

    @Test
    void malformedCommandAfterLoginIsRefusedOrClosed() throws IOException {
        try (RawMysqlSocket raw = RawMysqlSocket.connect(database.target().host(), database.target().port())) {
            byte[] login = raw.login(database.target().user(), database.target().password());
            assumeTrue(!(login.length == 2 && login[0] == 1 && login[1] == 4),
                    "caching_sha2_password asked for full authentication, which the raw client does not do");
            assertEquals(0, login[0], "login with the right password answers OK");
            // COM_STMT_EXECUTE (0x17) cut short: no statement id, flags or iteration count.
            raw.writePacket(0, new byte[] {0x17, 1});
            byte[] answer;
            try {
                answer = raw.readPacket();
            } catch (java.io.EOFException closed) {
                return;
            }
            assertEquals((byte) 0xff, answer[0], "an error packet (or a closed connection) for a malformed command");
        }
    }
}
