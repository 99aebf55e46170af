package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * {@code LOCK TABLES t [[AS] a] READ [LOCAL] | [LOW_PRIORITY] WRITE, ...} (tables non-empty) or
 * {@code UNLOCK TABLES} (tables empty).
 */
public final class SqlLockTables extends StrataStatementNode {
    private final List<SqlIdentifier> tables;

    public SqlLockTables(SqlParserPos pos, List<SqlIdentifier> tables) {
        super(pos, tables.isEmpty() ? "UNLOCK TABLES" : "LOCK TABLES");
        this.tables = List.copyOf(tables);
    }

    public List<SqlIdentifier> tables() { return tables; }

    public boolean unlock() { return tables.isEmpty(); }
}
