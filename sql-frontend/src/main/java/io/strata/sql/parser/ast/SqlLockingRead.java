package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Objects;

/** {@code SELECT ... FOR UPDATE | FOR SHARE | LOCK IN SHARE MODE}: a query that locks the rows it reads. */
public final class SqlLockingRead extends StrataStatementNode {
    private final SqlNode query;
    private final LockMode mode;
    private final boolean noWait;

    public SqlLockingRead(SqlParserPos pos, SqlNode query, LockMode mode, boolean noWait) {
        super(pos, "SELECT FOR " + mode);
        this.query = Objects.requireNonNull(query, "query");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.noWait = noWait;
    }

    public SqlNode query() {
        return query;
    }

    public LockMode mode() {
        return mode;
    }

    /** {@code NOWAIT}: fail at once instead of waiting for a lock another transaction holds. */
    public boolean noWait() {
        return noWait;
    }
}
