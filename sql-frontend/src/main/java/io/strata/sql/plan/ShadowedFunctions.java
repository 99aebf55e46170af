package io.strata.sql.plan;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * A Calcite operator table without the functions Strata defines itself under the same names
 * ({@link MysqlFunctionNames}). With both in the chain, Calcite may resolve a call whose operands are
 * still untyped parameters to its own, stricter function ("Illegal use of dynamic parameter").
 */
final class ShadowedFunctions implements SqlOperatorTable {
    private final SqlOperatorTable table;

    ShadowedFunctions(SqlOperatorTable table) {
        this.table = table;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        int before = operatorList.size();
        table.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        operatorList.subList(before, operatorList.size()).removeIf(ShadowedFunctions::isShadowed);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return table.getOperatorList().stream().filter(operator -> !isShadowed(operator)).toList();
    }

    private static boolean isShadowed(SqlOperator operator) {
        return operator instanceof SqlFunction && MysqlFunctionNames.isKnown(operator.getName());
    }
}
