package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/** {@code CREATE [UNIQUE] INDEX name ON t (columns)}; Strata checks the table and columns and builds nothing yet. */
public final class SqlCreateIndex extends SqlCreate {
    private static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);
    private final String name;
    private final SqlIdentifier table;
    private final List<String> columns;

    public SqlCreateIndex(SqlParserPos pos, String name, SqlIdentifier table, List<String> columns) {
        super(OPERATOR, pos, false, false);
        this.name = Objects.requireNonNull(name, "name");
        this.table = Objects.requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
    }

    public String name() { return name; }

    public SqlIdentifier table() { return table; }

    public List<String> columns() { return columns; }

    @Override
    public List<SqlNode> getOperandList() { return List.of(table); }
}
