package io.strata.protocol.command;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.PreparedStatementInfo;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The protocol-side state of one connection's prepared statements: the parameter types last bound
 * (COM_STMT_EXECUTE re-sends them only with the new-params-bound flag) and data gathered by
 * COM_STMT_SEND_LONG_DATA. The statements themselves live in the Session. Bounded in count and in
 * long-data bytes.
 */
public final class PreparedStatementRegistry {
    /** MySQL's default max_prepared_stmt_count. */
    public static final int MAX_STATEMENTS = 16_382;

    private final long maxLongDataBytes;
    private final Map<Integer, Statement> statements = new HashMap<>();

    public PreparedStatementRegistry(long maxLongDataBytes) {
        this.maxLongDataBytes = maxLongDataBytes;
    }

    /** One statement's state. {@code parameterTypes}: per parameter, type code | unsigned flag << 8. */
    static final class Statement {
        final PreparedStatementInfo info;
        int[] parameterTypes;
        final Map<Integer, ByteArrayOutputStream> longData = new HashMap<>();
        /** Long data overflowed its bound; COM_STMT_SEND_LONG_DATA has no reply, so the next execute reports it. */
        boolean longDataTooLarge;
        /** The last execution was short and answered little (see {@link StatementExecuteCommand#ranQuickly}). */
        volatile boolean ranQuickly;

        Statement(PreparedStatementInfo info) {
            this.info = info;
        }

        long longDataBytes() {
            long total = 0;
            for (ByteArrayOutputStream data : longData.values()) {
                total += data.size();
            }
            return total;
        }
    }

    void add(PreparedStatementInfo info) {
        if (statements.size() >= MAX_STATEMENTS && !statements.containsKey(info.statementId())) {
            throw StrataException.of(ErrorCode.ER_OUT_OF_RESOURCES,
                    "Can't create more than max_prepared_stmt_count statements (current value: %d)", MAX_STATEMENTS);
        }
        statements.put(info.statementId(), new Statement(info));
    }

    /** The statement, or ER_UNKNOWN_STMT_HANDLER naming {@code command}. */
    Statement get(int statementId, String command) {
        Statement statement = statements.get(statementId);
        if (statement == null) {
            throw StrataException.of(ErrorCode.ER_UNKNOWN_STMT_HANDLER,
                    "Unknown prepared statement handler (%d) given to %s", statementId, command);
        }
        return statement;
    }

    /** The statement or null; COM_STMT_SEND_LONG_DATA and COM_STMT_CLOSE have no reply to carry an error. */
    Statement find(int statementId) {
        return statements.get(statementId);
    }

    /** Whether statement {@code statementId} exists and its last execution was short and answered little. */
    public boolean ranQuickly(int statementId) {
        Statement statement = statements.get(statementId);
        return statement != null && statement.ranQuickly;
    }

    /** Whether no COM_STMT_SEND_LONG_DATA waits for statement {@code statementId}'s next execution. */
    public boolean noLongDataPending(int statementId) {
        Statement statement = statements.get(statementId);
        return statement == null || (statement.longData.isEmpty() && !statement.longDataTooLarge);
    }

    void remove(int statementId) {
        statements.remove(statementId);
    }

    /** Forgets gathered long data (after an execute, and for COM_STMT_RESET). */
    static void resetLongData(Statement statement) {
        statement.longData.clear();
        statement.longDataTooLarge = false;
    }

    void clear() {
        statements.clear();
    }

    void appendLongData(Statement statement, int parameter, byte[] data, int offset, int length) {
        if (statement.longDataTooLarge || statement.longDataBytes() + length > maxLongDataBytes) {
            statement.longDataTooLarge = true;
            statement.longData.clear();
            return;
        }
        statement.longData.computeIfAbsent(parameter, p -> new ByteArrayOutputStream()).write(data, offset, length);
    }
}
