package io.strata.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Folds {@code DATE 'literal' ± INTERVAL 'n' unit} (also written DATE_ADD / DATE_SUB) into the DATE literal it
 * is, while planning: a filter
 * {@code d < DATE '1995-09-01' + INTERVAL '1' MONTH} then has a literal bound that zone maps prune by and
 * statistics estimate with (TPC-H writes its date ranges so). Months add as MySQL's DATE_ADD does: a day
 * past the end of the month becomes its last day. Only whole-day intervals on DATE results are folded;
 * everything else is left to compute-nodes (ADD_MONTHS, ADD_MILLISECONDS).
 */
final class DateLiteralFolding {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private DateLiteralFolding() {}

    static RelNode fold(RelNode rel) {
        RexShuttle folder = new Folder(rel.getCluster().getRexBuilder());
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return super.visit(other).accept(folder);
            }
        });
    }

    private static final class Folder extends RexShuttle {
        private final RexBuilder rexBuilder;

        Folder(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RexNode visitCall(RexCall call) {
            RexNode visited = super.visitCall(call);
            if (visited instanceof RexCall folded) {
                RexNode literal = folded(folded);
                if (literal != null) {
                    return literal;
                }
            }
            return visited;
        }

        private RexNode folded(RexCall call) {
            String name = call.getOperator().getName();
            // d ± INTERVAL is DATE_ADD / DATE_SUB by now (MysqlCallRewrites)
            boolean minus = call.getKind() == SqlKind.MINUS || name.equals("DATE_SUB") || name.equals("SUBDATE");
            boolean plus = call.getKind() == SqlKind.PLUS || name.equals("DATE_ADD") || name.equals("ADDDATE");
            if ((!plus && !minus) || call.getOperands().size() != 2 || call.getType().getSqlTypeName() != SqlTypeName.DATE) {
                return null;
            }
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            RexNode date = left.getType().getSqlTypeName() == SqlTypeName.DATE ? left : right;
            RexNode interval = date == left ? right : left;
            if (minus && date != left) {
                return null; // INTERVAL - DATE is no date
            }
            if (!(date instanceof RexLiteral dateLiteral) || !(interval instanceof RexLiteral intervalLiteral)
                    || dateLiteral.getValueAs(DateString.class) == null) {
                return null;
            }
            BigDecimal amount = intervalLiteral.getValueAs(BigDecimal.class);
            SqlTypeFamily family = interval.getType().getSqlTypeName().getFamily();
            if (amount == null || (family != SqlTypeFamily.INTERVAL_YEAR_MONTH && family != SqlTypeFamily.INTERVAL_DAY_TIME)) {
                return null;
            }
            long signed = minus ? -amount.longValueExact() : amount.longValueExact();
            LocalDate start = LocalDate.ofEpochDay(dateLiteral.getValueAs(DateString.class).getDaysSinceEpoch());
            LocalDate result;
            if (family == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                result = start.plusMonths(signed);
            } else if (signed % MILLIS_PER_DAY == 0) {
                result = start.plusDays(signed / MILLIS_PER_DAY);
            } else {
                return null;
            }
            if (result.getYear() < 1 || result.getYear() > 9999) {
                return null; // out of DATE's range: compute-nodes gives MySQL's NULL
            }
            return rexBuilder.makeLiteral(DateString.fromDaysSinceEpoch((int) result.toEpochDay()), call.getType());
        }
    }
}
