package io.strata.protocol;

import io.strata.protocol.auth.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * caching_sha2_password's two paths with real clients: full authentication (RSA key exchange
 * without TLS, clear text over TLS) the first time, the scramble alone afterwards.
 */
class AuthenticationTest {
    /** Shared: generating an RSA key takes a while on a busy machine; each test still gets a fresh server. */
    @TempDir
    static Path tls;

    private static long selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    @Test
    void firstLoginWithoutTlsNeedsThePublicKeyThenTheScrambleSuffices() throws SQLException {
        try (ServerFixture fixture = new ServerFixture(tls)) {
            String noKey = fixture.mysqlUrl("test", "user=root&password=111&sslMode=DISABLED");
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(noKey));
            assertTrue(refused.getMessage().contains("Public Key Retrieval is not allowed"), refused.getMessage());

            try (Connection connection = DriverManager.getConnection(noKey + "&allowPublicKeyRetrieval=true")) {
                assertEquals(1, selectOne(connection));
            }
            // Now cached: the fast path needs no key.
            try (Connection connection = DriverManager.getConnection(noKey)) {
                assertEquals(1, selectOne(connection));
            }
            SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    fixture.mysqlUrl("test", "user=root&password=nope&sslMode=DISABLED&allowPublicKeyRetrieval=true")));
            assertEquals(1045, wrong.getErrorCode());
        }
    }

    @Test
    void fullAuthenticationOverTlsSendsTheClearPassword() throws SQLException {
        try (ServerFixture fixture = new ServerFixture(tls)) {
            try (Connection connection = DriverManager.getConnection(
                    fixture.mysqlUrl("test", "user=root&password=111&sslMode=REQUIRED"))) {
                assertEquals(1, selectOne(connection));
            }
            SQLException unknown = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    fixture.mysqlUrl("test", "user=ghost&password=111&sslMode=REQUIRED")));
            assertEquals(1045, unknown.getErrorCode());
            try (Connection connection = DriverManager.getConnection(
                    fixture.mysqlUrl("test", "user=nopass&sslMode=DISABLED"))) {
                assertEquals(1, selectOne(connection), "an empty password needs no exchange");
            }
        }
    }

    @Test
    void nativePasswordPluginIsAcceptedWhenTheClientChoosesIt() throws SQLException {
        try (ServerFixture fixture = new ServerFixture(tls);
             Connection connection = DriverManager.getConnection(fixture.mysqlUrl("test",
                     "user=root&password=111&sslMode=DISABLED&defaultAuthenticationPlugin=mysql_native_password"))) {
            assertEquals(1, selectOne(connection));
        }
    }

    @Test
    void mariadbConnectorLogsInWithRsaAndWithTls() throws SQLException {
        try (ServerFixture fixture = new ServerFixture(tls)) {
            try (Connection connection = DriverManager.getConnection(
                    fixture.mariadbUrl("test", "user=root&password=111&allowPublicKeyRetrieval=true"))) {
                assertEquals(1, selectOne(connection));
            }
            try (Connection connection = DriverManager.getConnection(
                    fixture.mariadbUrl("test", "user=root&password=111&sslMode=trust"))) {
                assertEquals(1, selectOne(connection));
            }
            SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    fixture.mariadbUrl("test", "user=root&password=bad&sslMode=trust")));
            assertEquals(1045, wrong.getErrorCode());
        }
    }

    @Test
    void tlsMaterialIsCreatedOnceAndReused() throws Exception {
        TlsMaterial first = TlsMaterial.loadOrCreate(tls);
        byte[] certificate = Files.readAllBytes(tls.resolve(TlsMaterial.CERTIFICATE_FILE));
        TlsMaterial second = TlsMaterial.loadOrCreate(tls);
        assertTrue(Files.exists(tls.resolve(TlsMaterial.PRIVATE_KEY_FILE)));
        assertEquals(first.certificate(), second.certificate());
        assertEquals(first.publicKeyPem(), second.publicKeyPem());
        assertTrue(java.util.Arrays.equals(certificate, Files.readAllBytes(tls.resolve(TlsMaterial.CERTIFICATE_FILE))));
        assertTrue(first.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"), first.publicKeyPem());
    }
}
