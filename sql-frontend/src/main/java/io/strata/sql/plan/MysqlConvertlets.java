package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.List;
import java.util.Locale;

/**
 * Calcite's conversions of calls into row expressions, except TIMESTAMPDIFF: Calcite rewrites it into
 * interval arithmetic that counts months by their length, where MySQL counts calendar months
 * ('2024-01-31' to '2024-02-29' is 0 months). It stays one call, evaluated by compute-nodes.
 */
final class MysqlConvertlets implements SqlRexConvertletTable {
    static final MysqlConvertlets INSTANCE = new MysqlConvertlets();

    private MysqlConvertlets() {}

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        if (call.getOperator() == SqlStdOperatorTable.TIMESTAMP_DIFF) {
            return MysqlConvertlets::timestampDiff;
        }
        return StandardConvertletTable.INSTANCE.get(call);
    }

    private static RexNode timestampDiff(SqlRexContext context, SqlCall call) {
        SqlIntervalQualifier qualifier = call.operand(0);
        String unit = qualifier.timeFrameName != null ? qualifier.timeFrameName
                : qualifier.timeUnitRange.startUnit.name();
        RexBuilder rexBuilder = context.getRexBuilder();
        RelDataType type = context.getValidator().getValidatedNodeType(call);
        List<RexNode> operands = List.of(rexBuilder.makeLiteral(unit.toUpperCase(Locale.ROOT)),
                context.convertExpression(call.operand(1)), context.convertExpression(call.operand(2)));
        return rexBuilder.makeCall(type, MysqlDateFunctions.TIMESTAMPDIFF, operands);
    }
}
