package io.strata.sql.session;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.RowCursor;
import io.strata.common.session.StatementResult;
import io.strata.common.type.DataType;
import io.strata.sql.exec.DdlExecutor;
import io.strata.sql.exec.DeleteExecutor;
import io.strata.sql.exec.InsertExecutor;
import io.strata.sql.exec.LockingReadExecutor;
import io.strata.sql.exec.PlanSlot;
import io.strata.sql.exec.QueryRunner;
import io.strata.sql.exec.ShowExecutor;
import io.strata.sql.exec.StatementContext;
import io.strata.sql.exec.UpdateExecutor;
import io.strata.common.session.Session;
import io.strata.sql.parser.ast.ShowKind;
import io.strata.sql.exec.TableNames;
import io.strata.sql.parser.ast.SqlKill;
import io.strata.sql.parser.ast.SqlLockTables;
import io.strata.sql.parser.ast.SqlLockingRead;
import io.strata.sql.parser.ast.SqlSetVariables;
import io.strata.sql.parser.ast.SqlShow;
import io.strata.sql.parser.ast.SqlTransactionControl;
import io.strata.sql.parser.ast.SqlUseDatabase;
import io.strata.sql.plan.PlannedQuery;
import io.strata.sql.plan.UnsupportedFeature;
import io.strata.txn.Transaction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** Runs one parsed statement of a session in the right transaction and returns its result. */
final class StatementRunner {
    private final ServerContext server;
    private final SessionState state;
    private final SessionTransactions transactions;
    private final AtomicBoolean cancelled;
    private final TextQueryPlans textPlans = new TextQueryPlans();

    StatementRunner(ServerContext server, SessionState state, SessionTransactions transactions, AtomicBoolean cancelled) {
        this.server = server;
        this.state = state;
        this.transactions = transactions;
        this.cancelled = cancelled;
    }

    StatementResult run(SqlNode node, SqlText text, List<Object> parameters) {
        return run(node, text, parameters, null);
    }

    /** Runs one statement; {@code planSlot} keeps the plan of a prepared UPDATE or DELETE (else null). */
    StatementResult run(SqlNode node, SqlText text, List<Object> parameters, PlanSlot planSlot) {
        cancelled.set(false);
        if (!(node instanceof SqlShow show && (show.kind() == ShowKind.WARNINGS || show.kind() == ShowKind.ERRORS))) {
            state.clearWarnings();
        }
        LocalDateTime now = state.now();
        Function<List<Object>, Function<Transaction, StatementContext>> withParameters = values ->
                transaction -> new StatementContext(transaction, state, server.allocator(), values, now, cancelled, text,
                        planSlot, server.spillDirectory());
        Function<Transaction, StatementContext> context = withParameters.apply(parameters);
        return switch (node) {
            case SqlSetVariables set -> set(set, context);
            case SqlUseDatabase use -> {
                useDatabase(use.database());
                yield StatementResult.Ok.of(0);
            }
            case SqlTransactionControl control -> transactionControl(control);
            case SqlKill kill -> kill(kill);
            case SqlLockTables lock -> lockTables(lock, context);
            case SqlShow show when show.kind() == ShowKind.STATUS -> read(transaction ->
                    ShowExecutor.status(show, context.apply(transaction), ServerStatus.rows(server)));
            case SqlShow show -> read(transaction -> ShowExecutor.execute(show, context.apply(transaction)));
            case SqlDescribeTable describe -> read(transaction -> ShowExecutor.execute(new SqlShow(describe.getParserPosition(),
                    ShowKind.COLUMNS, false, null, describe.getTable(), null, null, null), context.apply(transaction)));
            case SqlInsert insert -> write(transaction -> InsertExecutor.execute(insert, context.apply(transaction)));
            case io.strata.sql.parser.ast.SqlLoadData load -> write(transaction ->
                    io.strata.sql.load.LoadDataExecutor.execute(load, context.apply(transaction), state.clientFiles()));
            case SqlUpdate update -> write(transaction -> UpdateExecutor.execute(update, context.apply(transaction)));
            case SqlDelete delete -> write(transaction -> DeleteExecutor.execute(delete, context.apply(transaction)));
            case SqlExplain explain -> read(transaction -> explain(explain, context.apply(transaction)));
            case io.strata.sql.parser.ast.SqlExplainQuery explain ->
                    read(transaction -> io.strata.sql.exec.ExplainExecutor.execute(explain, context.apply(transaction)));
            case SqlLockingRead locking -> lockingRead(locking, context);
            default -> {
                if (DdlExecutor.handles(node)) {
                    yield ddl(node, context);
                }
                if (node.getKind().belongsTo(SqlKind.QUERY)) {
                    yield textQuery(node, text, parameters, withParameters);
                }
                throw UnsupportedFeature.of(node.getKind().toString());
            }
        };
    }

    /**
     * SELECT ... FOR UPDATE | FOR SHARE: inside a transaction, locks the rows first, then reads them as a
     * query; in autocommit mode a lock would end with the statement, so it only reads (as MySQL).
     */
    private StatementResult lockingRead(SqlLockingRead locking, Function<Transaction, StatementContext> context) {
        boolean autocommit = state.variables().flag("autocommit");
        if (transactions.inTransaction() || !autocommit) {
            long timeoutMillis = 1000L * ((Number) state.variables().get("innodb_lock_wait_timeout")).longValue();
            transactions.run(autocommit, transaction -> {
                LockingReadExecutor.lockRows(locking, context.apply(transaction), timeoutMillis);
                return null;
            });
        }
        return query(locking.query(), null, context);
    }

    /**
     * A query sent as text: by the plan kept for its shape when its literals bind to it exactly
     * ({@link TextQueryPlans}), else planned as written.
     */
    private StatementResult textQuery(SqlNode node, SqlText text, List<Object> parameters,
                                      Function<List<Object>, Function<Transaction, StatementContext>> withParameters) {
        TextQueryPlans.Lifted lifted = parameters.isEmpty() ? TextQueryPlans.lift(node, text, state.database()) : null;
        if (lifted != null) {
            Function<Transaction, StatementContext> bound = withParameters.apply(lifted.values());
            PlannedQuery plan = textPlans.plan(lifted, server.ddlEpoch().get(),
                    shape -> read(transaction -> QueryRunner.plan(shape.parameterized(), bound.apply(transaction), null)));
            if (plan != null) {
                return query(null, plan, bound);
            }
        }
        return query(node, null, withParameters.apply(parameters));
    }

    /** Runs a query, or starts {@code cached} (a prepared plan) in this statement's transaction. */
    StatementResult query(SqlNode node, PlannedQuery cached, Function<Transaction, StatementContext> context) {
        return query(node, cached, context, null);
    }

    /** Like {@link #query(SqlNode, PlannedQuery, Function)}; {@code keyedOnly} (if not null) learns whether the plan reads only by key. */
    StatementResult query(SqlNode node, PlannedQuery cached, Function<Transaction, StatementContext> context,
                          java.util.concurrent.atomic.AtomicBoolean keyedOnly) {
        SessionTransactions.Lease lease = transactions.lease(state.variables().flag("autocommit"));
        try {
            StatementContext statement = context.apply(lease.transaction());
            QueryRunner.OpenQuery query = cached != null ? QueryRunner.start(cached, statement) : QueryRunner.open(node, statement);
            if (keyedOnly != null) {
                keyedOnly.set(query.keyedOnly());
            }
            RowCursor rows = lease.owned() ? new ClosingRowCursor(query.rows(), lease::release) : query.rows();
            return new StatementResult.Rows(query.columns(), rows);
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }

    <T> T read(Function<Transaction, T> work) {
        SessionTransactions.Lease lease = transactions.lease(state.variables().flag("autocommit"));
        try {
            return work.apply(lease.transaction());
        } finally {
            lease.release();
        }
    }

    void useDatabase(String database) {
        String name = database.toLowerCase(Locale.ROOT);
        boolean exists = name.equals("information_schema") || read(t -> t.catalog().databaseExists(name));
        if (!exists) {
            throw StrataException.of(ErrorCode.ER_BAD_DB_ERROR, "Unknown database '%s'", database);
        }
        state.database(name);
    }

    private <T> T write(Function<Transaction, T> work) {
        return transactions.run(state.variables().flag("autocommit"), work);
    }

    private StatementResult ddl(SqlNode node, Function<Transaction, StatementContext> context) {
        transactions.commit(); // DDL commits the open transaction first, as in MySQL
        server.ddlEpoch().incrementAndGet();
        return transactions.run(true, transaction -> DdlExecutor.execute(node, context.apply(transaction)));
    }

    /**
     * LOCK TABLES commits the open transaction (as MySQL does) and checks that the tables exist; it takes
     * no table lock: every statement already reads a consistent snapshot and writers lock the rows they
     * change (TiDB treats LOCK TABLES so by default). mysqldump sends it around each table's rows.
     * UNLOCK TABLES has nothing to release.
     */
    private StatementResult lockTables(SqlLockTables lock, Function<Transaction, StatementContext> context) {
        if (lock.unlock()) {
            return StatementResult.Ok.of(0);
        }
        transactions.commit();
        return transactions.run(true, transaction -> {
            StatementContext statement = context.apply(transaction);
            lock.tables().forEach(table -> TableNames.definition(statement, table));
            return StatementResult.Ok.of(0);
        });
    }

    /** KILL [QUERY | CONNECTION] n cancels the statement running there; closing the socket is the protocol's part. */
    private StatementResult kill(SqlKill kill) {
        Session target = server.sessions().get(kill.connectionId());
        if (target == null) {
            throw StrataException.of(ErrorCode.ER_NO_SUCH_THREAD, "Unknown thread id: %d", kill.connectionId());
        }
        target.cancel();
        return StatementResult.Ok.of(0);
    }

    private StatementResult transactionControl(SqlTransactionControl control) {
        switch (control.kind()) {
            case BEGIN -> transactions.begin();
            case COMMIT -> transactions.commit();
            case ROLLBACK -> transactions.rollback();
            case SAVEPOINT -> transactions.savepoint(state.variables().flag("autocommit"), control.savepoint());
            case ROLLBACK_TO_SAVEPOINT -> transactions.rollbackToSavepoint(control.savepoint());
            case RELEASE_SAVEPOINT -> transactions.releaseSavepoint(control.savepoint());
        }
        return StatementResult.Ok.of(0);
    }

    private StatementResult set(SqlSetVariables set, Function<Transaction, StatementContext> context) {
        boolean autocommitBefore = state.variables().flag("autocommit");
        SetStatement.execute(set, state, expression -> read(transaction -> evaluate(expression, context.apply(transaction))));
        if (!autocommitBefore && state.variables().flag("autocommit")) {
            transactions.commit(); // turning autocommit on commits the open transaction
        }
        return StatementResult.Ok.of(0);
    }

    private static Object evaluate(SqlNode expression, StatementContext context) {
        SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, SqlNodeList.of(expression), null, null, null, null, null,
                null, null, null, null, null);
        return QueryRunner.collect(select, context, null).get(0)[0];
    }

    private static StatementResult explain(SqlExplain explain, StatementContext context) {
        PlannedQuery planned = QueryRunner.plan(explain.getExplicandum(), context, null);
        List<Object[]> rows = new ArrayList<>();
        for (String line : RelOptUtil.toString(planned.rel()).split("\n")) {
            rows.add(new Object[] {line});
        }
        return new StatementResult.Rows(List.of(ResultColumn.computed("plan", DataType.TEXT, false)), RowCursor.of(rows));
    }
}
