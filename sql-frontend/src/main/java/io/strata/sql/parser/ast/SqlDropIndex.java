package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/** {@code DROP INDEX name ON t}. */
public final class SqlDropIndex extends SqlDrop {
    private static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("DROP INDEX", SqlKind.DROP_INDEX);
    private final String name;
    private final SqlIdentifier table;

    public SqlDropIndex(SqlParserPos pos, String name, SqlIdentifier table) {
        super(OPERATOR, pos, false);
        this.name = Objects.requireNonNull(name, "name");
        this.table = Objects.requireNonNull(table, "table");
    }

    public String name() { return name; }

    public SqlIdentifier table() { return table; }

    @Override
    public List<SqlNode> getOperandList() { return List.of(table); }
}
