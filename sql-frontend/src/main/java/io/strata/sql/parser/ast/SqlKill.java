package io.strata.sql.parser.ast;

import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code KILL [QUERY | CONNECTION] id}. */
public final class SqlKill extends StrataStatementNode {
    private final boolean queryOnly;
    private final long connectionId;

    public SqlKill(SqlParserPos pos, boolean queryOnly, long connectionId) {
        super(pos, "KILL");
        this.queryOnly = queryOnly;
        this.connectionId = connectionId;
    }

    /** KILL QUERY: stop the running statement but keep the connection. */
    public boolean queryOnly() { return queryOnly; }

    public long connectionId() { return connectionId; }
}
