package io.strata.protocol;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server on each network transport: plain and TLS connections, text and prepared statements. */
class NetworkTransportTest {
    @TempDir
    Path tls;

    @ParameterizedTest
    @EnumSource(value = NetworkTransport.class, names = {"EPOLL", "NIO"})
    void servesTextAndPreparedStatementsOverPlainAndTlsConnections(NetworkTransport transport) throws SQLException {
        try (ServerFixture fixture = new ServerFixture(tls, 8, transport)) {
            for (String ssl : List.of("sslMode=DISABLED&allowPublicKeyRetrieval=true", "sslMode=REQUIRED")) {
                String url = fixture.mysqlUrl("test", "user=root&password=111&useServerPrepStmts=true&" + ssl);
                try (Connection connection = DriverManager.getConnection(url);
                     Statement statement = connection.createStatement();
                     PreparedStatement select = connection.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
                    List<List<String>> rows = new ArrayList<>();
                    try (ResultSet result = statement.executeQuery("SELECT * FROM all_types WHERE id < 4")) {
                        while (result.next()) {
                            rows.add(ExpectedRows.read(result));
                        }
                    }
                    assertEquals(3, rows.size(), ssl);
                    assertEquals(ExpectedRows.ROW_1, rows.get(0), ssl);
                    select.setInt(1, 2);
                    try (ResultSet result = select.executeQuery()) {
                        assertTrue(result.next(), ssl);
                        assertEquals(ExpectedRows.jdbc(ExpectedRows.ROW_2), ExpectedRows.read(result), ssl);
                        assertFalse(result.next(), ssl);
                    }
                }
            }
        }
    }

    @Test
    void autoTakesEpollOnLinuxWhereItsNativeLibraryShips() {
        boolean linuxX86 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").equals("amd64");
        if (linuxX86) {
            assertTrue(Epoll.isAvailable(), () -> "epoll should load here: " + Epoll.unavailabilityCause());
            assertEquals(NetworkTransport.EPOLL, NetworkTransport.AUTO.resolve());
        } else {
            assertEquals(Epoll.isAvailable() ? NetworkTransport.EPOLL : NetworkTransport.NIO, NetworkTransport.AUTO.resolve());
        }
        assertEquals(NetworkTransport.NIO, NetworkTransport.NIO.resolve());
    }

    @Test
    void settingsParseInAnyCaseAndUnknownOnesAreRefusedByName() {
        assertEquals(NetworkTransport.EPOLL, NetworkTransport.parse(" Epoll "));
        assertEquals(NetworkTransport.AUTO, NetworkTransport.parse("auto"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NetworkTransport.parse("uring"));
        assertTrue(error.getMessage().contains("server.io must be auto, epoll or nio, not 'uring'"), error.getMessage());
    }
}
