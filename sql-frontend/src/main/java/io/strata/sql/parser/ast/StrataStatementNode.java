package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * A MySQL statement that Strata executes itself rather than through Calcite's validator (USE, SHOW,
 * SET, BEGIN...). It has no operands; its fields carry what the statement says.
 */
public abstract class StrataStatementNode extends SqlCall {
    private final SqlOperator operator;

    protected StrataStatementNode(SqlParserPos pos, String name) {
        super(pos);
        this.operator = new SqlSpecialOperator(name, SqlKind.OTHER);
    }

    @Override
    public SqlOperator getOperator() {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(operator.getName());
    }
}
