package io.strata.sql.parser.ast;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code SET a = 1, @@session.b = 2, @u = 3}, {@code SET NAMES}, {@code SET TRANSACTION ...}. */
public final class SqlSetVariables extends StrataStatementNode {
    private final List<VariableAssignment> assignments;

    public SqlSetVariables(SqlParserPos pos, List<VariableAssignment> assignments) {
        super(pos, "SET");
        this.assignments = List.copyOf(assignments);
    }

    public List<VariableAssignment> assignments() {
        return assignments;
    }
}
