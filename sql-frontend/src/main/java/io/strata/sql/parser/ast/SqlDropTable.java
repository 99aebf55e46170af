package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] t [, t2 ...]}. */
public final class SqlDropTable extends SqlDrop {
    private static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);
    private final List<SqlIdentifier> tables;

    public SqlDropTable(SqlParserPos pos, boolean ifExists, List<SqlIdentifier> tables) {
        super(OPERATOR, pos, ifExists);
        this.tables = List.copyOf(tables);
    }

    public List<SqlIdentifier> tables() { return tables; }

    public boolean ifExists() { return ifExists; }

    @Override
    public List<SqlNode> getOperandList() { return List.copyOf(tables); }
}
