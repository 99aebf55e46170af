package io.strata.sql.session;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL takes HAVING in a query without GROUP BY and without aggregates as a filter on the rows, whose
 * names are the select list's aliases first (Connector/J's {@code getTables} sends
 * {@code SELECT ... CASE ... END AS TABLE_TYPE ... FROM INFORMATION_SCHEMA.TABLES ... HAVING TABLE_TYPE IN (?,?)}).
 * Calcite makes such a query an aggregate of one group, which then fails ONLY_FULL_GROUP_BY. This pass
 * moves the condition into WHERE, with each alias replaced by the expression it names.
 */
final class HavingWithoutGroupBy {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT",
            "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP",
            "VAR_SAMP", "ANY_VALUE", "JSON_ARRAYAGG", "JSON_OBJECTAGG");

    /** A deep copy: SqlShuttle rebuilds every call whose operands changed, and every identifier and literal does. */
    private static final SqlShuttle COPY = new SqlShuttle() {
        @Override
        public SqlNode visit(SqlIdentifier id) {
            return id.clone(id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlLiteral literal) {
            return literal.clone(literal.getParserPosition());
        }
    };

    private HavingWithoutGroupBy() {}

    static void rewrite(SqlSelect select) {
        SqlNode having = select.getHaving();
        boolean grouped = select.getGroup() != null && !select.getGroup().isEmpty();
        if (having == null || grouped || hasAggregate(select.getSelectList()) || hasAggregate(having)) {
            return;
        }
        Map<String, SqlNode> aliases = new HashMap<>();
        for (SqlNode item : select.getSelectList()) {
            if (item.getKind() == SqlKind.AS) {
                SqlCall as = (SqlCall) item;
                aliases.putIfAbsent(((SqlIdentifier) as.operand(1)).getSimple().toUpperCase(Locale.ROOT), as.operand(0));
            }
        }
        SqlNode condition = having.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                SqlNode expression = id.isSimple() ? aliases.get(id.getSimple().toUpperCase(Locale.ROOT)) : null;
                return expression == null ? id : expression.accept(COPY); // validation rewrites nodes in place
            }
        });
        SqlNode where = select.getWhere();
        select.setWhere(where == null ? condition
                : SqlStdOperatorTable.AND.createCall(where.getParserPosition(), where, condition));
        select.setHaving(null);
    }

    private static boolean hasAggregate(SqlNode node) {
        if (node == null) {
            return false;
        }
        boolean[] found = {false};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect) {
                    return null; // a subquery's aggregates are its own
                }
                boolean named = call.getOperator() instanceof SqlFunction function
                        && AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT));
                found[0] |= named || call.getOperator().isAggregator();
                return super.visit(call);
            }
        });
        return found[0];
    }
}
