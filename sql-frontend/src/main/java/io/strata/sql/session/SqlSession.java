package io.strata.sql.session;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.PreparedStatementInfo;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import io.strata.common.session.StatementResults;
import io.strata.common.type.DataType;
import io.strata.sql.catalog.TypeMapping;
import io.strata.sql.exec.PlanSlot;
import io.strata.sql.exec.QueryRunner;
import io.strata.sql.exec.ResultColumns;
import io.strata.sql.exec.StatementContext;
import io.strata.sql.exec.TableNames;
import io.strata.sql.parser.StrataParser;
import io.strata.sql.plan.PlannedQuery;
import io.strata.sql.plan.SharedPlans;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A client connection's session over Calcite and the transaction service (see {@link Session}). */
public final class SqlSession implements Session {
    private final ServerContext server;
    private final SessionState state;
    private final SessionTransactions transactions;
    private final PreparedStatements prepared = new PreparedStatements();
    private final NamedPreparedStatements named = new NamedPreparedStatements();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final StatementRunner runner;

    public SqlSession(ServerContext server, String user, String database, long connectionId) {
        this.server = server;
        this.state = new SessionState(connectionId, user, null, server.globals());
        this.transactions = new SessionTransactions(server.txnService(),
                () -> "READ-COMMITTED".equals(state.variables().get("transaction_isolation")));
        this.runner = new StatementRunner(server, state, transactions, cancelled);
        if (database != null && !database.isEmpty()) {
            runner.useDatabase(database);
        }
        server.sessions().put(connectionId, this);
    }

    @Override
    public long connectionId() { return state.connectionId(); }

    @Override
    public String user() { return state.user(); }

    @Override
    public Optional<String> currentDatabase() { return Optional.ofNullable(state.database()); }

    @Override
    public void useDatabase(String database) {
        runner.useDatabase(database);
    }

    @Override
    public StatementResults execute(String sql, boolean allowMultiple) {
        SqlText text = new SqlText(sql);
        return new LazyStatementResults(() -> {
            List<SqlNode> statements = StrataParser.parseStatements(sql);
            if (!allowMultiple && statements.size() > 1) {
                throw StrataParser.syntaxError(sql, statements.get(1).getParserPosition(), null);
            }
            return statements;
        }, node -> node instanceof io.strata.sql.parser.ast.SqlPreparedStatementCommand command
                ? named.run(command, this, state) : runner.run(node, text, List.of()));
    }

    @Override
    public PreparedStatementInfo prepare(String sql) {
        SqlNode parsed = StrataParser.parseOne(sql);
        if (parsed instanceof io.strata.sql.parser.ast.SqlPreparedStatementCommand) {
            throw StrataException.of(ErrorCode.ER_UNSUPPORTED_PS,
                    "This command is not supported in the prepared statement protocol yet");
        }
        // A locking read prepares as its query; it is never run from a cached plan (it must lock first).
        boolean locking = parsed instanceof io.strata.sql.parser.ast.SqlLockingRead;
        SqlNode node = locking ? ((io.strata.sql.parser.ast.SqlLockingRead) parsed).query() : parsed;
        int id = prepared.nextId();
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            checkTargetTable(node, sql);
            int count = ParameterCounter.count(node);
            List<ResultColumn> parameters = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                parameters.add(ResultColumn.computed("?", DataType.varchar(255), true));
            }
            boolean dml = node instanceof org.apache.calcite.sql.SqlUpdate || node instanceof org.apache.calcite.sql.SqlDelete;
            prepared.put(PreparedStatements.Prepared.statement(id, sql, parameters,
                    dml ? new PlanSlot(server.ddlEpoch(), server.sharedPlans(), sql) : null, io.strata.sql.parser.SqlDeepCopy.templateOrNull(parsed)));
            return new PreparedStatementInfo(id, parameters, List.of());
        }
        long epoch = server.ddlEpoch().get();
        SqlText text = new SqlText(sql);
        PreparedStatements.Prepared entry = runner.read(transaction -> {
            StatementContext context = new StatementContext(transaction, state, server.allocator(), List.of(),
                    state.now(), cancelled, text);
            PlannedQuery plan = server.sharedPlans().plan(SharedPlans.Kind.QUERY, state.database(), sql, transaction,
                    () -> QueryRunner.plan(node, context, null));
            List<ResultColumn> parameters = new ArrayList<>();
            for (RelDataTypeField field : plan.parameterRowType().getFieldList()) {
                parameters.add(ResultColumn.computed("?", TypeMapping.toDataType(field.getType()), true));
            }
            List<ResultColumn> columns = ResultColumns.forPrepare(plan, transaction.catalog());
            return PreparedStatements.Prepared.query(id, sql, parameters, columns,
                    plan.sessionDependent() || locking ? null : plan, epoch);
        });
        prepared.put(entry);
        return new PreparedStatementInfo(id, entry.parameters(), entry.columns());
    }

    /** INSERT, UPDATE and DELETE name a table that must exist when they are prepared (error 1146 otherwise). */
    private void checkTargetTable(SqlNode node, String sql) {
        SqlNode target = switch (node) {
            case org.apache.calcite.sql.SqlInsert insert -> insert.getTargetTable();
            case org.apache.calcite.sql.SqlUpdate update -> update.getTargetTable();
            case org.apache.calcite.sql.SqlDelete delete -> delete.getTargetTable();
            default -> null;
        };
        if (target instanceof SqlIdentifier name) {
            runner.read(transaction -> TableNames.definition(new StatementContext(transaction, state, server.allocator(),
                    List.of(), state.now(), cancelled, new SqlText(sql)), name));
        }
    }

    @Override
    public StatementResult executePrepared(int statementId, List<Object> parameters) {
        PreparedStatements.Prepared entry = prepared.get(statementId, "mysqld_stmt_execute");
        if (parameters.size() != entry.parameterCount()) {
            throw new StrataException(ErrorCode.ER_WRONG_ARGUMENTS, "Incorrect arguments to mysqld_stmt_execute");
        }
        SqlText text = new SqlText(entry.sql());
        if (entry.plan() != null && entry.ddlEpoch() == server.ddlEpoch().get()) {
            cancelled.set(false);
            state.clearWarnings();
            LocalDateTime now = state.now();
            return runner.query(null, entry.plan(), transaction -> new StatementContext(transaction, state,
                    server.allocator(), parameters, now, cancelled, text, server.spillDirectory()), entry.keyedOnly());
        }
        return runner.run(entry.freshTree(), text, parameters, entry.dmlPlan());
    }

    @Override
    public boolean isQuick(int statementId) {
        PreparedStatements.Prepared entry = prepared.find(statementId);
        return entry != null && entry.plan() != null && entry.ddlEpoch() == server.ddlEpoch().get()
                && entry.keyedOnly().get();
    }

    @Override
    public boolean isCachedRead(int statementId) {
        PreparedStatements.Prepared entry = prepared.find(statementId);
        return entry != null && entry.plan() != null && entry.ddlEpoch() == server.ddlEpoch().get();
    }

    @Override
    public boolean isPreparedWrite(int statementId) {
        PreparedStatements.Prepared entry = prepared.find(statementId);
        return entry != null && entry.plan() == null && (entry.dmlPlan() != null || entry.template() != null);
    }

    @Override
    public boolean isTransactionControl(String sql) {
        return StrataParser.isTransactionControl(sql);
    }

    @Override
    public boolean isPreparedTransactionControl(int statementId) {
        PreparedStatements.Prepared entry = prepared.find(statementId);
        return entry != null && entry.transactionControl();
    }

    @Override
    public <T> T withoutWaiting(java.util.function.Supplier<T> command) {
        server.noWait().ran();
        transactions.allowWaiting(false);
        try {
            return command.get();
        } catch (io.strata.common.error.WouldWaitException e) {
            server.noWait().deferred();
            throw e;
        } finally {
            transactions.allowWaiting(true);
        }
    }

    @Override
    public java.util.concurrent.CompletableFuture<?> takeUndurableCommit() {
        return transactions.takeUndurable();
    }

    @Override
    public void closePrepared(int statementId) {
        prepared.remove(statementId);
    }

    @Override
    public List<ResultColumn> fieldList(String table, String wildcard) {
        SqlIdentifier name = new SqlIdentifier(table, SqlParserPos.ZERO);
        return runner.read(transaction -> {
            StatementContext context = new StatementContext(transaction, state, server.allocator(), List.of(),
                    state.now(), cancelled, new SqlText(""));
            TableDefinition definition = TableNames.definition(context, name);
            List<ResultColumn> columns = new ArrayList<>();
            for (int i = 0; i < definition.columns().size(); i++) {
                ColumnDefinition column = definition.columns().get(i);
                columns.add(new ResultColumn(definition.database(), definition.name(), definition.name(), column.name(),
                        column.name(), column.type(), column.nullable(), definition.primaryKey().contains(i),
                        column.autoIncrement()));
            }
            return columns;
        });
    }

    @Override
    public void clientFiles(io.strata.common.session.ClientFiles files) {
        state.clientFiles(files);
    }

    @Override
    public void reset() {
        transactions.rollback();
        prepared.clear();
        named.clear();
        state.reset();
    }

    @Override
    public boolean inTransaction() {
        return transactions.inTransaction();
    }

    @Override
    public boolean autocommit() {
        return state.variables().flag("autocommit");
    }

    @Override
    public int warningCount() {
        return (int) Math.min(Integer.MAX_VALUE, state.warningCount());
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        transactions.cancelLockWait();
    }

    @Override
    public void close() {
        server.sessions().remove(state.connectionId(), this);
        prepared.clear();
        named.clear();
        transactions.rollback();
    }
}
