package io.strata.protocol;

import io.strata.protocol.RawClient.Packet;
import io.strata.protocol.auth.CachingSha2Password;
import io.strata.protocol.codec.Capabilities;
import io.strata.protocol.codec.ServerStatus;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packet-level behaviour seen through a minimal socket client. */
class RawProtocolTest {
    @TempDir
    static Path tls;
    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(tls, 8);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static RawClient loggedIn(int capabilities) throws Exception {
        RawClient client = new RawClient(fixture.port());
        Packet ok = client.login(capabilities, "111");
        assertEquals(0x00, ok.header(), ok.text());
        return client;
    }

    private static List<Packet> readUntilTerminator(RawClient client, boolean deprecateEof) throws Exception {
        List<Packet> packets = new ArrayList<>();
        int eofs = 0;
        while (true) {
            Packet packet = client.read();
            packets.add(packet);
            if (packet.isError()) {
                return packets;
            }
            if (packet.isEof() && (deprecateEof || ++eofs == 2)) {
                return packets;
            }
        }
    }

    private static int status(Packet terminator, boolean deprecateEof) {
        byte[] p = terminator.payload();
        // EOF: header, warnings(2), status(2). OK(0xFE): header, affected 0, last id 0, status(2), warnings(2).
        int at = deprecateEof ? 3 : 3;
        return (p[at] & 0xFF) | (p[at + 1] & 0xFF) << 8;
    }

    @Test
    void handshakeAnnouncesVersionAndCachingSha2() throws Exception {
        try (RawClient client = new RawClient(fixture.port())) {
            assertEquals(CachingSha2Password.PLUGIN, client.readHandshake());
            assertEquals("8.0.30-Strata-0.1", client.serverVersion);
            assertEquals(20, client.scramble.length);
            assertTrue(client.connectionId > 0);
        }
    }

    @Test
    void withoutDeprecateEofResultSetsUseEofPackets() throws Exception {
        try (RawClient client = loggedIn(RawClient.BASE_CAPABILITIES)) {
            client.query("SELECT 42");
            List<Packet> packets = readUntilTerminator(client, false);
            assertEquals(5, packets.size(), "count, definition, EOF, row, EOF");
            assertEquals(1, packets.get(0).payload()[0]);
            assertTrue(packets.get(2).isEof());
            assertEquals(5, packets.get(2).payload().length);
            assertEquals("42", new String(packets.get(3).payload(), 1, 2, StandardCharsets.UTF_8));
            assertEquals(5, packets.get(4).payload().length);
            assertEquals(ServerStatus.AUTOCOMMIT, status(packets.get(4), false));
            for (int i = 0; i < packets.size(); i++) {
                assertEquals(i + 1, packets.get(i).sequenceId(), "sequence ids count up from 1");
            }
        }
    }

    @Test
    void withDeprecateEofResultSetsEndWithAnOkPacket() throws Exception {
        try (RawClient client = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF)) {
            client.query("BEGIN");
            Packet ok = client.read();
            assertEquals(0x00, ok.header());
            assertEquals(ServerStatus.AUTOCOMMIT | ServerStatus.IN_TRANS, status(ok, true));
            client.query("SELECT 42");
            List<Packet> packets = readUntilTerminator(client, true);
            assertEquals(4, packets.size(), "count, definition, row, OK");
            Packet end = packets.get(3);
            assertEquals(0xFE, end.header());
            assertTrue(end.payload().length >= 7);
            assertEquals(ServerStatus.AUTOCOMMIT | ServerStatus.IN_TRANS, status(end, true));
        }
    }

    @Test
    void multiStatementsFlagMoreResultsUntilTheLast() throws Exception {
        int capabilities = RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF | Capabilities.CLIENT_MULTI_STATEMENTS;
        try (RawClient client = loggedIn(capabilities)) {
            client.query("SELECT 1; SELECT 2");
            List<Packet> first = readUntilTerminator(client, true);
            assertEquals(ServerStatus.MORE_RESULTS_EXISTS, status(first.get(3), true) & ServerStatus.MORE_RESULTS_EXISTS);
            List<Packet> second = readUntilTerminator(client, true);
            assertEquals(0, status(second.get(3), true) & ServerStatus.MORE_RESULTS_EXISTS);

            client.command(0x1B, new byte[] {1, 0}); // COM_SET_OPTION: multi-statements off
            assertEquals(0xFE, client.read().header());
            client.query("SELECT 1; SELECT 2");
            Packet error = client.read();
            assertTrue(error.isError());
            assertEquals(1064, error.errorCode());
        }
    }

    @Test
    void garbageClosesOnlyThatConnection() throws Exception {
        try (RawClient healthy = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF);
             RawClient broken = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF);
             RawClient truncated = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF)) {
            broken.writeRaw(new byte[] {5, 0, 0, 7, 'g', 'a', 'r', 'b', 'g'}); // sequence id 7 starts no command
            Packet error = broken.read();
            assertTrue(error.isError());
            assertTrue(broken.closedByServer());

            truncated.command(0x17, new byte[] {1, 0}); // COM_STMT_EXECUTE cut short
            assertTrue(truncated.read().isError());
            assertTrue(truncated.closedByServer());

            healthy.query("SELECT 3");
            List<Packet> packets = readUntilTerminator(healthy, true);
            assertEquals("3", new String(packets.get(2).payload(), 1, 1, StandardCharsets.UTF_8));
        }
    }

    @Test
    void unknownCommandIsAnErrorAndTheConnectionStays() throws Exception {
        try (RawClient client = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF)) {
            client.command(0x42, new byte[0]);
            Packet error = client.read();
            assertEquals(1047, error.errorCode());
            client.command(0x0E, new byte[0]); // COM_PING
            assertEquals(0x00, client.read().header());
        }
    }

    @Test
    void utilityCommandsAnswerLikeMysql() throws Exception {
        try (RawClient client = loggedIn(RawClient.BASE_CAPABILITIES)) {
            client.command(0x09, new byte[0]); // COM_STATISTICS
            assertTrue(client.read().text().startsWith("Uptime: "));

            client.command(0x04, "all_types\0".getBytes(StandardCharsets.UTF_8)); // COM_FIELD_LIST
            int definitions = 0;
            Packet packet;
            while (!(packet = client.read()).isEof()) {
                definitions++;
            }
            assertEquals(22, definitions);

            client.command(0x02, "missing".getBytes(StandardCharsets.UTF_8)); // COM_INIT_DB
            assertEquals(1049, client.read().errorCode());
            client.command(0x02, "other".getBytes(StandardCharsets.UTF_8));
            assertEquals(0x00, client.read().header());

            client.command(0x1F, new byte[0]); // COM_RESET_CONNECTION
            assertEquals(0x00, client.read().header());

            client.command(0x0C, new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 0}); // COM_PROCESS_KILL of nobody
            assertEquals(1094, client.read().errorCode());

            client.command(0x01, new byte[0]); // COM_QUIT
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void authSwitchThenRsaFullAuthentication() throws Exception {
        try (RawClient client = new RawClient(fixture.port())) {
            client.readHandshake();
            client.sendResponse(RawClient.BASE_CAPABILITIES, "root", "111", "mysql_clear_password", "test");
            Packet switchRequest = client.read();
            assertEquals(0xFE, switchRequest.header());
            assertTrue(new String(switchRequest.payload(), 1, CachingSha2Password.PLUGIN.length(), StandardCharsets.US_ASCII)
                    .equals(CachingSha2Password.PLUGIN));
            client.write(switchRequest.sequenceId() + 1, CachingSha2Password.scramble("111", client.scramble));
            Packet more = client.read();
            assertEquals(0x01, more.header());
            assertEquals(CachingSha2Password.PERFORM_FULL_AUTHENTICATION, more.payload()[1]);
            client.write(more.sequenceId() + 1, new byte[] {CachingSha2Password.REQUEST_PUBLIC_KEY});
            Packet key = client.read();
            String pem = new String(key.payload(), 1, key.payload().length - 1, StandardCharsets.US_ASCII);
            PublicKey publicKey;
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                publicKey = new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
            }
            byte[] plain = "111\0".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < plain.length; i++) {
                plain[i] ^= client.scramble[i % client.scramble.length];
            }
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, publicKey);
            client.write(key.sequenceId() + 1, cipher.doFinal(plain));
            Packet ok = client.read();
            assertEquals(0x00, ok.header(), ok.text());
        }
    }

    @Test
    void okPacketsCarryTheWarningCount() throws Exception {
        try (RawClient client = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF)) {
            client.query("WARN");
            byte[] ok = client.read().payload();
            assertEquals(0x00, ok[0]);
            assertEquals(1, (ok[5] & 0xFF) | (ok[6] & 0xFF) << 8, "header, affected, last id, status(2), warnings(2)");
        }
    }

    @Test
    void processKillStopsAnotherConnectionsStatement() throws Exception {
        try (RawClient sleeper = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF);
             RawClient killer = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF)) {
            long started = System.nanoTime();
            sleeper.query("SELECT SLEEP(5)");
            Thread.sleep(200);
            long id = sleeper.connectionId;
            killer.command(0x0C, new byte[] {(byte) id, (byte) (id >> 8), (byte) (id >> 16), (byte) (id >> 24)});
            assertEquals(0x00, killer.read().header());
            assertTrue(sleeper.closedByServer() || sleeper.read().isError());
            assertTrue(System.nanoTime() - started < 4_000_000_000L, "the sleep was cut short");
        }
    }

    @Test
    void aClientThatStopsReadingHoldsBackTheProducer() throws Exception {
        long rows = 1_000_000;
        try (ServerFixture own = new ServerFixture(tls); RawClient client = new RawClient(own.port())) {
            assertEquals(0x00, client.login(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF, "111").header());
            client.query("SELECT * FROM seq_" + rows);
            Thread.sleep(1_000);
            long producedWhileStalled = own.sessions.rowsProduced();
            assertTrue(producedWhileStalled > 0 && producedWhileStalled < rows / 2,
                    "rows produced while the client read nothing: " + producedWhileStalled);
            client.read(); // column count
            client.read(); // n
            client.read(); // label
            long received = 0;
            while (true) {
                Packet packet = client.read();
                if (packet.header() == 0xFE && packet.payload().length < 9) {
                    break;
                }
                received++;
            }
            assertEquals(rows, received);
        }
    }

    @Test
    void closingTheServerClosesItsConnections() throws Exception {
        ServerFixture own = new ServerFixture(tls);
        try (RawClient client = new RawClient(own.port())) {
            assertEquals(0x00, client.login(RawClient.BASE_CAPABILITIES, "111").header());
            own.close();
            assertTrue(client.closedByServer());
            assertEquals(0, own.sessions.openSessions());
        }
    }

    @Test
    void killQueryFromTheServerInterruptsTheStatementOnly() throws Exception {
        try (RawClient sleeper = loggedIn(RawClient.BASE_CAPABILITIES | Capabilities.CLIENT_DEPRECATE_EOF)) {
            sleeper.query("SELECT SLEEP(5)");
            Thread.sleep(200);
            assertTrue(fixture.server.kill(sleeper.connectionId, true));
            Packet error = sleeper.read();
            assertEquals(1317, error.errorCode());
            sleeper.command(0x0E, new byte[0]);
            assertEquals(0x00, sleeper.read().header(), "the connection survives KILL QUERY");
            assertFalse(fixture.server.kill(999_999, true));
        }
    }

    @Test
    void aTakenPortIsReportedAsAnIoError() {
        MysqlServerOptions taken = new MysqlServerOptions("127.0.0.1", fixture.port(), tls, 4);
        java.io.UncheckedIOException error = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> MysqlServer.start(fixture.sessions, taken));
        assertTrue(error.getMessage().contains(String.valueOf(fixture.port())), error.getMessage());
    }

    @Test
    void wrongNativePasswordIsDeniedAndClosed() throws Exception {
        try (RawClient client = new RawClient(fixture.port())) {
            Packet error = client.login(RawClient.BASE_CAPABILITIES, "bad");
            assertEquals(1045, error.errorCode());
            assertEquals("#28000", new String(error.payload(), 3, 6, StandardCharsets.US_ASCII));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedAndSessionsAreClosed() throws Exception {
        List<RawClient> clients = new ArrayList<>();
        try (ServerFixture small = new ServerFixture(tls, 2)) {
            for (int i = 0; i < 2; i++) {
                RawClient client = new RawClient(small.port());
                clients.add(client);
                assertEquals(0x00, client.login(RawClient.BASE_CAPABILITIES, "111").header());
            }
            try (RawClient refused = new RawClient(small.port())) {
                Packet error = refused.read();
                assertEquals(1040, error.errorCode());
                assertTrue(refused.closedByServer());
            }
            assertEquals(2, small.sessions.openSessions());
            for (RawClient client : clients) {
                client.close();
            }
            long deadline = System.currentTimeMillis() + 5_000;
            while (small.sessions.openSessions() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, small.sessions.openSessions(), "closing a connection closes its session");
            try (RawClient again = new RawClient(small.port())) {
                assertFalse(again.login(RawClient.BASE_CAPABILITIES, "111").isError(), "slots are given back");
            }
        }
    }
}
