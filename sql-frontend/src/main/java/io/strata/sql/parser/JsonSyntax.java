package io.strata.sql.parser;

import io.strata.sql.plan.JsonOperators;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.List;
import java.util.Locale;

/**
 * MySQL's JSON syntax that Calcite's grammar reads as something else, rewritten in place after parsing:
 * <ul>
 *   <li>inside function arguments Calcite takes {@code col -> 'path' ...} for a lambda ({@code col} its
 *   parameter, the rest its body); MySQL has no lambdas, so the body's leftmost operand, the path, becomes
 *   {@code col -> 'path'} again ({@code ->} binds tightest, so the rest of the body applies to it);</li>
 *   <li>{@code CAST(x AS JSON)} names a type Calcite does not have; it becomes {@link JsonOperators#CAST_AS_JSON}.</li>
 * </ul>
 */
final class JsonSyntax {
    private JsonSyntax() {}

    /** Whether {@code sql} may hold such syntax (the rewrite walks the tree only then). */
    static boolean mayContain(String sql) {
        return sql.contains("->") || sql.toLowerCase(Locale.ROOT).contains("json");
    }

    /** Rewrites {@code statement}, parsed from {@code sql}, in place. */
    static void rewrite(SqlNode statement, String sql) {
        statement.accept(new Rewriter(sql));
    }

    private static final class Rewriter extends SqlBasicVisitor<Void> {
        private final String sql;

        Rewriter(String sql) {
            this.sql = sql;
        }

        @Override
        public Void visit(SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlNode replacement = replace(operand, sql);
                if (replacement != operand) {
                    call.setOperand(i, replacement);
                }
                if (replacement != null) {
                    replacement.accept(this);
                }
            }
            return null;
        }

        @Override
        public Void visit(SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode node = list.get(i);
                SqlNode replacement = replace(node, sql);
                if (replacement != node) {
                    list.set(i, replacement);
                }
                if (replacement != null) {
                    replacement.accept(this);
                }
            }
            return null;
        }
    }

    private static SqlNode replace(SqlNode node, String sql) {
        if (node instanceof SqlLambda lambda && lambda.getParameters().size() == 1
                && lambda.getParameters().get(0) instanceof SqlIdentifier document) {
            return arrow(document, lambda.getExpression(), sql);
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec type
                && type.getTypeNameSpec().getTypeName().isSimple()
                && type.getTypeNameSpec().getTypeName().getSimple().equalsIgnoreCase("JSON")) {
            SqlNode value = call.operand(0);
            return JsonOperators.CAST_AS_JSON.createCall(call.getParserPosition(), value);
        }
        return node;
    }

    /** {@code body} with its leftmost operand {@code 'path'} replaced by {@code document -> 'path'}. */
    private static SqlNode arrow(SqlIdentifier document, SqlNode body, String sql) {
        if (body instanceof SqlCharStringLiteral path) {
            return JsonOperators.EXTRACT_ARROW.createCall(document.getParserPosition(), document, path);
        }
        if (body instanceof SqlBasicCall call && call.operandCount() > 0 && call.operand(0) != null
                && operatorTakesLeftOperand(call.getOperator().getSyntax())) {
            call.setOperand(0, arrow(document, call.operand(0), sql));
            return call;
        }
        throw StrataParser.syntaxError(sql, body.getParserPosition(), null);
    }

    private static boolean operatorTakesLeftOperand(SqlSyntax syntax) {
        return syntax == SqlSyntax.BINARY || syntax == SqlSyntax.POSTFIX || syntax == SqlSyntax.SPECIAL;
    }
}
