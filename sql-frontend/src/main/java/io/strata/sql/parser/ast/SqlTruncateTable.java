package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Objects;

/** {@code TRUNCATE [TABLE] t}. */
public final class SqlTruncateTable extends StrataStatementNode {
    private final SqlIdentifier table;

    public SqlTruncateTable(SqlParserPos pos, SqlIdentifier table) {
        super(pos, "TRUNCATE");
        this.table = Objects.requireNonNull(table, "table");
    }

    public SqlIdentifier table() {
        return table;
    }
}
