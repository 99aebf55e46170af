package io.strata.sql.plan;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Set;

/**
 * What the scan matchers ({@link KeyLookupMatcher}, {@link ScanRangeMatcher}) ask of a comparison's
 * operands: is a side a constant (a literal or a parameter, under any casts), and which column lies
 * under casts that keep every one of its values. A rounding cast ({@code CAST(d AS DECIMAL(10, 0)) = 5})
 * is not looked through: a row whose value lies outside the constant could still match.
 */
final class RexConstants {
    private static final Set<SqlTypeName> APPROX = Set.of(SqlTypeName.DOUBLE, SqlTypeName.FLOAT, SqlTypeName.REAL);

    private RexConstants() {}

    static boolean isConstant(RexNode node) {
        RexNode bare = node;
        while (bare instanceof RexCall call && call.getKind() == SqlKind.CAST) {
            bare = call.getOperands().get(0);
        }
        return bare instanceof RexLiteral || bare instanceof RexDynamicParam;
    }

    /** {@code node} without the casts around it that keep every value (an INT widened to DECIMAL, a DATE to TIMESTAMP). */
    static RexNode stripWideningCasts(RexNode node) {
        while (node instanceof RexCall call && call.getKind() == SqlKind.CAST
                && isWidening(call.getOperands().get(0).getType().getSqlTypeName(), call.getType().getSqlTypeName())) {
            node = call.getOperands().get(0);
        }
        return node;
    }

    private static boolean isWidening(SqlTypeName from, SqlTypeName to) {
        return switch (from) {
            case TINYINT -> SqlTypeName.INT_TYPES.contains(to) || to == SqlTypeName.DECIMAL || APPROX.contains(to);
            case SMALLINT -> to == SqlTypeName.SMALLINT || to == SqlTypeName.INTEGER || to == SqlTypeName.BIGINT
                    || to == SqlTypeName.DECIMAL || APPROX.contains(to);
            case INTEGER -> to == SqlTypeName.INTEGER || to == SqlTypeName.BIGINT || to == SqlTypeName.DECIMAL
                    || to == SqlTypeName.DOUBLE;
            case BIGINT -> to == SqlTypeName.BIGINT || to == SqlTypeName.DECIMAL;
            case DATE -> to == SqlTypeName.DATE || to == SqlTypeName.TIMESTAMP;
            default -> from == to;
        };
    }
}
