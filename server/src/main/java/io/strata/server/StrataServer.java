package io.strata.server;

import io.strata.common.config.StrataConfig;
import io.strata.compute.operator.QueryMemory;
import io.strata.protocol.MysqlServer;
import io.strata.protocol.MysqlServerOptions;
import io.strata.protocol.NetworkTransport;
import io.strata.sql.SqlSessionFactory;
import io.strata.storage.ObjectStore;
import io.strata.txn.TransactionNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Strata in embedded mode: every role in one JVM. The object store is a local directory
 * ({@code data.dir/objects}) or an S3 bucket, as {@code storage.type} says ({@link StorageType}), the
 * log service local segment files ({@code data.dir/log}), the
 * transaction node recovers from both, and compute (the SQL frontend and operators) serves MySQL
 * clients on {@code server.host:server.port}, spilling to {@code memory.spill-dir} ({@code data.dir/spill}),
 * which start clears of files an earlier run left.
 */
public final class StrataServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StrataServer.class);

    private final Deque<AutoCloseable> parts;
    private final MysqlServer mysql;
    private final Path dataDirectory;

    private StrataServer(Deque<AutoCloseable> parts, MysqlServer mysql, Path dataDirectory) {
        this.parts = parts;
        this.mysql = mysql;
        this.dataDirectory = dataDirectory;
    }

    /** Starts every role; returns once clients can connect. */
    public static StrataServer start(StrataConfig config) {
        Objects.requireNonNull(config, "config");
        Path dataDirectory = config.getPath("data.dir").toAbsolutePath().normalize();
        StorageType storageType = StorageType.of(config); // a bad storage.type fails before anything starts
        NetworkTransport transport = NetworkTransport.parse(config.get("server.io")).resolve(); // so does server.io
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            Files.createDirectories(dataDirectory);
            BufferAllocator allocator = new RootAllocator(config.getLong("memory.query-limit-bytes") * 4);
            parts.push(allocator);
            ObjectStore store = storageType.open(config, dataDirectory);
            parts.push(store);
            LOG.info("object store: {}", storageType.describe(config, dataDirectory));
            TransactionNode transactionNode = TransactionNode.open(store, dataDirectory.resolve("log"), config, allocator);
            parts.push(transactionNode);
            LOG.info("transaction node recovered; log in {}", dataDirectory.resolve("log"));
            Path spillDirectory = spillDirectory(config, dataDirectory);
            int leftovers = QueryMemory.deleteLeftoverSpillFiles(spillDirectory);
            LOG.info("statements spill to {}{}", spillDirectory,
                    leftovers == 0 ? "" : " (deleted " + leftovers + " files left by an earlier run)");
            SqlSessionFactory sessions = new SqlSessionFactory(transactionNode, allocator,
                    config.with("memory.spill-dir", spillDirectory.toString()));
            MysqlServerOptions options = new MysqlServerOptions(config.get("server.host"), config.getInt("server.port"),
                    dataDirectory.resolve("tls"), config.getInt("server.max-connections"),
                    transport);
            MysqlServer mysql = MysqlServer.start(sessions, options);
            parts.push(mysql);
            LOG.info("MySQL protocol listening on {}:{}", config.get("server.host"), mysql.port());
            return new StrataServer(parts, mysql, dataDirectory);
        } catch (IOException e) {
            closeAll(parts);
            throw new UncheckedIOException("cannot prepare data directory " + dataDirectory, e);
        } catch (RuntimeException | Error e) {
            closeAll(parts);
            throw e;
        }
    }

    /** Where statements spill: {@code memory.spill-dir}, by default {@code data.dir/spill}. */
    static Path spillDirectory(StrataConfig config, Path dataDirectory) {
        String configured = config.get("memory.spill-dir", "");
        return configured.isBlank() ? dataDirectory.resolve("spill")
                : Path.of(configured).toAbsolutePath().normalize();
    }

    /** The port clients connect to (the configured one, or the one picked for port 0). */
    public int port() {
        return mysql.port();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops accepting clients, then closes the transaction node (flushing what it holds) and the stores. */
    @Override
    public void close() {
        LOG.info("stopping");
        closeAll(parts);
        LOG.info("stopped");
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.error("failed to close {}", part.getClass().getSimpleName(), e);
            }
        }
    }
}
