package io.strata.protocol.memory;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.Session;
import io.strata.common.session.SessionFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test scaffolding for the protocol seam: users {@code root}/{@code 111} and {@code nopass} (empty
 * password), databases {@code test} and {@code other}, and the tables of {@link MemoryTables}.
 */
public final class MemorySessionFactory implements SessionFactory {
    public static final String VERSION = "8.0.30-Strata-0.1";
    static final Set<String> DATABASES = Set.of("test", "other");

    private final Map<String, String> users = Map.of("root", "111", "nopass", "");
    final MemoryTables tables = new MemoryTables();
    final AtomicInteger openSessions = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong rowsProduced = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public String serverVersion() {
        return VERSION;
    }

    @Override
    public Optional<String> passwordOf(String user) {
        return Optional.ofNullable(users.get(user));
    }

    @Override
    public Session open(String user, String database, long connectionId) {
        if (database != null && !DATABASES.contains(database)) {
            throw StrataException.of(ErrorCode.ER_BAD_DB_ERROR, "Unknown database '%s'", database);
        }
        openSessions.incrementAndGet();
        return new MemorySession(this, user, database, connectionId);
    }

    /** Rows the seq_N tables have handed to the protocol so far. */
    public long rowsProduced() {
        return rowsProduced.get();
    }

    /** Sessions opened and not yet closed. */
    public int openSessions() {
        return openSessions.get();
    }
}
