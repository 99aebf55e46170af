package io.strata.server;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.StrataException;
import io.strata.storage.ObjectStore;
import io.strata.storage.S3ObjectStore;
import io.strata.storage.S3ObjectStoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code storage.type} chooses the object store: a local directory by default, an S3 bucket with {@code s3}. */
@Timeout(120)
class StorageTypeTest {
    private static LoopbackS3 s3;

    @TempDir
    Path directory;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LoopbackS3.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void s3KeepsObjectsInTheBucketAndAFreshNodeRecoversFromThem() throws SQLException {
        StrataConfig config = config(directory.resolve("first"), s3.settings("strata-server-test"));
        try (StrataServer server = StrataServer.start(config)) {
            execute(server, "CREATE DATABASE d", "CREATE TABLE d.t (id INT PRIMARY KEY, v VARCHAR(10))",
                    "INSERT INTO d.t VALUES (1, 'one'), (2, 'two')", "UPDATE d.t SET v = 'TWO' WHERE id = 2");
            assertEquals(List.of("1=one", "2=TWO"), rows(server));
        }
        assertFalse(Files.exists(directory.resolve("first/objects")), "no objects in the data directory on S3");
        assertTrue(Files.isDirectory(directory.resolve("first/log")), "the log stays in data.dir/log");
        try (ObjectStore bucket = new S3ObjectStore(S3ObjectStoreConfig.from(config))) {
            assertFalse(bucket.list("checkpoints/").isEmpty(), "the clean stop checkpointed into the bucket");
            assertFalse(bucket.list("tables/").isEmpty(), "the rows were flushed into data objects in the bucket");
        }
        // A new data directory has no log: what comes back can only have come from the bucket.
        try (StrataServer server = StrataServer.start(config(directory.resolve("second"), s3.settings("strata-server-test")))) {
            assertEquals(List.of("1=one", "2=TWO"), rows(server));
        }
    }

    @Test
    void localIsTheDefaultAndKeepsObjectsUnderTheDataDirectory() throws SQLException {
        try (StrataServer server = StrataServer.start(config(directory, Map.of()))) {
            execute(server, "CREATE DATABASE d", "CREATE TABLE d.t (id INT PRIMARY KEY, v VARCHAR(10))",
                    "INSERT INTO d.t VALUES (1, 'one'), (2, 'TWO')");
        }
        assertTrue(Files.isDirectory(directory.resolve("objects/checkpoints")), "checkpoints in data.dir/objects");
        try (StrataServer server = StrataServer.start(config(directory, Map.of("storage.type", "local")))) {
            assertEquals(List.of("1=one", "2=TWO"), rows(server));
        }
    }

    @Test
    void anUnknownTypeFailsNamingTheAllowedOnes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> StrataServer.start(config(directory, Map.of("storage.type", "hdfs"))));
        assertTrue(failure.getMessage().contains("storage.type=hdfs") && failure.getMessage().contains("local, s3"),
                failure.getMessage());
    }

    @Test
    void s3WithoutEndpointOrBucketFailsNamingTheKeys() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> StrataServer.start(config(directory, Map.of("storage.type", "s3"))));
        assertTrue(failure.getMessage().contains("storage.s3.endpoint"), failure.getMessage());
    }

    @Test
    void anUnreachableEndpointFailsTheStartNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = Map.of("storage.type", "s3", "storage.s3.endpoint", "http://127.0.0.1:" + closedPort,
                "storage.s3.bucket", "b", "storage.s3.timeout-ms", "1000", "storage.s3.max-retries", "0");
        StrataException failure = assertThrows(StrataException.class, () -> StrataServer.start(config(directory, settings)));
        assertTrue(failure.getMessage().contains("127.0.0.1:" + closedPort), failure.getMessage());
    }

    private static StrataConfig config(Path dataDirectory, Map<String, String> settings) {
        StrataConfig config = StrataConfig.defaults().with("server.port", "0").with("data.dir", dataDirectory.toString());
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            config = config.with(setting.getKey(), setting.getValue());
        }
        return config;
    }

    private static Connection connect(StrataServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=10000&socketTimeout=30000", "root", "111");
    }

    private static void execute(StrataServer server, String... statements) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(StrataServer server) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, v FROM d.t ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + "=" + result.getString(2));
            }
        }
        return rows;
    }
}
