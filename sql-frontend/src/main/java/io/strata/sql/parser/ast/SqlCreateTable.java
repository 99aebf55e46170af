package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] t (...) [options]}. {@code primaryKeys} holds every table-level
 * PRIMARY KEY clause (more than one, or one plus a column-level PRIMARY KEY, is error 1068);
 * {@code indexes} the secondary indexes, column-level UNIQUE included, in the order they were written.
 */
public final class SqlCreateTable extends SqlCreate {
    private static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);
    private final SqlIdentifier name;
    private final List<ColumnSpec> columns;
    private final List<List<String>> primaryKeys;
    private final List<IndexSpec> indexes;
    private final String comment;

    public SqlCreateTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, List<ColumnSpec> columns,
                          List<List<String>> primaryKeys, List<IndexSpec> indexes, String comment) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = Objects.requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        this.primaryKeys = primaryKeys.stream().map(List::copyOf).toList();
        this.indexes = List.copyOf(indexes);
        this.comment = comment;
    }

    public SqlIdentifier name() { return name; }

    public List<ColumnSpec> columns() { return columns; }

    public List<List<String>> primaryKeys() { return primaryKeys; }

    public List<IndexSpec> indexes() { return indexes; }

    /** The table COMMENT, or null. */
    public String comment() { return comment; }

    public boolean ifNotExists() { return ifNotExists; }

    @Override
    public List<SqlNode> getOperandList() { return List.of(name); }
}
