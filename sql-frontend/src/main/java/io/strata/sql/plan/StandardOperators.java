package io.strata.sql.plan;

import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Calcite's standard operators without the rank functions MySQL's replace ({@link MysqlWindowFunctions}) and
 * without the bare word {@code USER}. Calcite's validator takes an identifier
 * named like a function without parentheses for a call of it before it looks for a column; in MySQL
 * {@code user} is a name (often a column's) and only {@code USER()} is the function, which the session
 * binds before validation.
 */
final class StandardOperators implements SqlOperatorTable {
    static final StandardOperators INSTANCE = new StandardOperators();

    private final SqlOperatorTable standard = SqlStdOperatorTable.instance();

    private StandardOperators() {}

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        int before = operatorList.size();
        standard.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        operatorList.subList(before, operatorList.size()).removeIf(StandardOperators::replaced);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return standard.getOperatorList().stream().filter(operator -> !replaced(operator)).toList();
    }

    private static boolean replaced(SqlOperator operator) {
        return operator == SqlStdOperatorTable.USER || MysqlWindowFunctions.REPLACED.contains(operator);
    }
}
