package io.strata.protocol.connection;

import io.strata.protocol.command.ServerInfo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The server's open connections by id, with the counters COM_STATISTICS reports. Thread-safe. */
public final class ConnectionRegistry implements ServerInfo {
    private final ConcurrentHashMap<Long, MysqlConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong questions = new AtomicLong();
    private final AtomicInteger reserved = new AtomicInteger();
    private final int maxConnections;
    private final long startNanos = System.nanoTime();

    public ConnectionRegistry(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Takes a connection slot, or returns false when all {@code maxConnections} are taken. */
    boolean reserve() {
        while (true) {
            int current = reserved.get();
            if (current >= maxConnections) {
                return false;
            }
            if (reserved.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives back a slot taken by {@link #reserve()}. */
    void release() {
        reserved.decrementAndGet();
    }

    long nextConnectionId() {
        // MySQL connection ids are 32-bit on the wire.
        return nextId.getAndIncrement() & 0xFFFF_FFFFL;
    }

    void add(MysqlConnection connection) {
        connections.put(connection.connectionId(), connection);
    }

    void remove(MysqlConnection connection) {
        connections.remove(connection.connectionId(), connection);
    }

    void countQuestion() {
        questions.incrementAndGet();
    }

    /** Cancels every running statement and closes every connection (server shutdown). */
    public void closeAll() {
        connections.values().forEach(connection -> connection.kill(false));
    }

    @Override
    public long uptimeSeconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public long questionCount() {
        return questions.get();
    }

    @Override
    public boolean kill(long connectionId, boolean queryOnly) {
        MysqlConnection connection = connections.get(connectionId);
        if (connection == null) {
            return false;
        }
        connection.kill(queryOnly);
        return true;
    }
}
