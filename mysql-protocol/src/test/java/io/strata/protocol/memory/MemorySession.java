package io.strata.protocol.memory;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.PreparedStatementInfo;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.RowCursor;
import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import io.strata.common.session.StatementResults;
import io.strata.common.type.DataType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Test scaffolding: a session that understands the handful of statements the protocol tests send. */
final class MemorySession implements Session {
    private final MemorySessionFactory factory;
    private final String user;
    private final long connectionId;
    private final Map<Integer, String> prepared = new HashMap<>();
    private final AtomicInteger nextStatementId = new AtomicInteger(1);
    private final MemoryStatements statements;
    private String database;
    boolean inTransaction;
    int warnings;
    volatile boolean cancelled;
    private boolean closed;

    MemorySession(MemorySessionFactory factory, String user, String database, long connectionId) {
        this.factory = factory;
        this.user = user;
        this.database = database;
        this.connectionId = connectionId;
        this.statements = new MemoryStatements(factory.tables, this, factory.rowsProduced);
    }

    @Override public long connectionId() { return connectionId; }

    @Override public String user() { return user; }

    @Override public Optional<String> currentDatabase() { return Optional.ofNullable(database); }

    @Override
    public void useDatabase(String name) {
        if (!MemorySessionFactory.DATABASES.contains(name)) {
            throw StrataException.of(ErrorCode.ER_BAD_DB_ERROR, "Unknown database '%s'", name);
        }
        database = name;
    }

    @Override
    public StatementResults execute(String sql, boolean allowMultiple) {
        List<String> parts = new ArrayList<>();
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        if (parts.size() > 1 && !allowMultiple) {
            throw new StrataException(ErrorCode.ER_PARSE_ERROR,
                    "You have an error in your SQL syntax; multiple statements need CLIENT_MULTI_STATEMENTS");
        }
        return new StatementResults() {
            private int next;

            @Override public boolean hasNext() { return next < parts.size(); }

            @Override
            public StatementResult next() {
                warnings = 0;
                return statements.run(parts.get(next++), List.of());
            }

            @Override public void close() {}
        };
    }

    @Override
    public PreparedStatementInfo prepare(String sql) {
        int id = nextStatementId.getAndIncrement();
        prepared.put(id, sql);
        return new PreparedStatementInfo(id, statements.parameters(sql), statements.columns(sql));
    }

    @Override
    public StatementResult executePrepared(int statementId, List<Object> parameters) {
        String sql = prepared.get(statementId);
        if (sql == null) {
            throw StrataException.of(ErrorCode.ER_UNKNOWN_STMT_HANDLER, "Unknown prepared statement handler (%d)", statementId);
        }
        warnings = 0;
        return statements.run(sql, parameters);
    }

    @Override public void closePrepared(int statementId) { prepared.remove(statementId); }

    /** Only {@code select running_thread(?)} reads "through a cached plan" here: its cost is what it is asked to spin. */
    @Override
    public boolean isCachedRead(int statementId) {
        String sql = prepared.get(statementId);
        return sql != null && MemoryStatements.RUNNING_THREAD.equals(sql.trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public List<ResultColumn> fieldList(String table, String wildcard) {
        return switch (table.toLowerCase()) {
            case "all_types" -> MemoryTables.ALL_TYPES;
            case "kv" -> MemoryTables.KV;
            default -> throw StrataException.of(ErrorCode.ER_NO_SUCH_TABLE, "Table 'test.%s' doesn't exist", table);
        };
    }

    @Override
    public void reset() {
        inTransaction = false;
        prepared.clear();
    }

    @Override public boolean inTransaction() { return inTransaction; }

    @Override public boolean autocommit() { return true; }

    @Override public int warningCount() { return warnings; }

    @Override public void cancel() { cancelled = true; }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            factory.openSessions.decrementAndGet();
        }
    }

    static RowCursor cursor(List<Object[]> rows) {
        return RowCursor.of(rows);
    }

    static StatementResult rows(List<ResultColumn> columns, List<Object[]> rows) {
        return new StatementResult.Rows(columns, RowCursor.of(rows));
    }

    static ResultColumn computed(String name, DataType type) {
        return ResultColumn.computed(name, type, true);
    }
}
