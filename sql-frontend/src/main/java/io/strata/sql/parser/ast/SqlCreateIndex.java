package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/** {@code CREATE [UNIQUE] INDEX name ON t (columns)}. */
public final class SqlCreateIndex extends SqlCreate {
    private static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);
    private final String name;
    private final SqlIdentifier table;
    private final List<String> columns;
    private final boolean unique;

    public SqlCreateIndex(SqlParserPos pos, String name, SqlIdentifier table, List<String> columns, boolean unique) {
        super(OPERATOR, pos, false, false);
        this.name = Objects.requireNonNull(name, "name");
        this.table = Objects.requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
        this.unique = unique;
    }

    public String name() { return name; }

    public SqlIdentifier table() { return table; }

    public List<String> columns() { return columns; }

    public boolean unique() { return unique; }

    /** The index as declared, for the executor. */
    public IndexSpec index() { return new IndexSpec(name, columns, unique); }

    @Override
    public List<SqlNode> getOperandList() { return List.of(table); }
}
