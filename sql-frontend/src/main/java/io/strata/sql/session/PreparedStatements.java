package io.strata.sql.session;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.sql.plan.PlannedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A session's prepared statements by id, each with its cached plan when it is a cacheable query. */
final class PreparedStatements {
    /** Statements beyond this are refused, as MySQL's max_prepared_stmt_count does. */
    private static final int MAX_STATEMENTS = 16_382;

    /**
     * A prepared statement. {@code plan} is the cached plan of a query (null otherwise) and is valid
     * while the server's DDL counter still equals {@code ddlEpoch}; {@code dmlPlan} keeps the plan of an
     * UPDATE's or DELETE's row selection (null for other statements); {@code template} is the unvalidated
     * parse tree of an INSERT, UPDATE or DELETE whose deep copies each execution runs instead of parsing
     * the text again (null: parse each time); {@code transactionControl} tells a bare BEGIN, COMMIT or ROLLBACK.
     */
    record Prepared(int id, String sql, int parameterCount, List<ResultColumn> parameters, List<ResultColumn> columns,
                    PlannedQuery plan, long ddlEpoch, io.strata.sql.exec.PlanSlot dmlPlan,
                    java.util.concurrent.atomic.AtomicBoolean keyedOnly, org.apache.calcite.sql.SqlNode template,
                    boolean transactionControl) {
        /** A query, with its cached plan (null when it cannot be cached) planned at {@code ddlEpoch}. */
        static Prepared query(int id, String sql, List<ResultColumn> parameters, List<ResultColumn> columns,
                              PlannedQuery plan, long ddlEpoch) {
            return new Prepared(id, sql, parameters.size(), parameters, columns, plan, ddlEpoch, null,
                    new java.util.concurrent.atomic.AtomicBoolean(), null, false);
        }

        /** Any other statement: no result columns, no cached plan. */
        static Prepared statement(int id, String sql, List<ResultColumn> parameters,
                                  io.strata.sql.exec.PlanSlot dmlPlan, org.apache.calcite.sql.SqlNode template) {
            return new Prepared(id, sql, parameters.size(), parameters, List.of(), null, -1, dmlPlan,
                    new java.util.concurrent.atomic.AtomicBoolean(), template,
                    io.strata.sql.parser.StrataParser.isTransactionControl(sql));
        }

        /** The statement to run: a copy of the template, or the text parsed again (validation changes trees). */
        org.apache.calcite.sql.SqlNode freshTree() {
            return template != null ? io.strata.sql.parser.SqlDeepCopy.of(template)
                    : io.strata.sql.parser.StrataParser.parseOne(sql);
        }
    }

    /** The statement with {@code id}, or null (no error: for questions asked between statements). */
    Prepared find(int id) {
        return byId.get(id);
    }

    private final Map<Integer, Prepared> byId = new HashMap<>();
    private int nextId = 1;

    int nextId() {
        if (byId.size() >= MAX_STATEMENTS) {
            throw StrataException.of(ErrorCode.ER_OUT_OF_RESOURCES,
                    "Can't create more than max_prepared_stmt_count statements (current value: %d)", MAX_STATEMENTS);
        }
        return nextId++;
    }

    void put(Prepared prepared) {
        byId.put(prepared.id(), prepared);
    }

    Prepared get(int id, String command) {
        Prepared prepared = byId.get(id);
        if (prepared == null) {
            throw StrataException.of(ErrorCode.ER_UNKNOWN_STMT_HANDLER,
                    "Unknown prepared statement handler (%d) given to %s", id, command);
        }
        return prepared;
    }

    void remove(int id) {
        byId.remove(id);
    }

    void clear() {
        byId.clear();
    }
}
