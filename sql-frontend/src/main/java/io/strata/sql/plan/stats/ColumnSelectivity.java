package io.strata.sql.plan.stats;

import io.strata.txn.ColumnStatistics;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The fraction of a table's rows one conjunct of a filter keeps, from its column's statistics:
 * {@code col = literal} keeps 1/NDV of the non-null rows, ranges over numbers and dates the part of
 * [min, max] they cover, IS NULL the null fraction. Conjuncts it cannot judge get Calcite's guesses.
 */
final class ColumnSelectivity {
    /** Floor of any estimate: a filter never keeps less than this fraction (estimates are rough). */
    private static final double SMALLEST = 1e-6;

    private ColumnSelectivity() {}

    static double of(RexNode conjunct, IntFunction<Optional<ColumnStatistics>> statistics) {
        Double judged = judge(conjunct, statistics);
        return judged == null ? RelMdUtil.guessSelectivity(conjunct) : Math.max(SMALLEST, Math.min(1, judged));
    }

    private static Double judge(RexNode conjunct, IntFunction<Optional<ColumnStatistics>> statistics) {
        if (!(conjunct instanceof RexCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        if (kind == SqlKind.NOT && call.getOperands().size() == 1) {
            Double inner = judge(call.getOperands().get(0), statistics);
            return inner == null ? null : 1 - inner;
        }
        if ((kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) && call.getOperands().get(0) instanceof RexInputRef ref) {
            Optional<ColumnStatistics> column = statistics.apply(ref.getIndex());
            if (column.isEmpty()) {
                return null;
            }
            return kind == SqlKind.IS_NULL ? column.get().nullFraction() : 1 - column.get().nullFraction();
        }
        if (call.getOperands().size() != 2) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
            RexNode swap = left;
            left = right;
            right = swap;
            kind = kind.reverse();
        }
        if (!(left instanceof RexInputRef ref) || !(right instanceof RexLiteral literal)) {
            return null;
        }
        Optional<ColumnStatistics> found = statistics.apply(ref.getIndex());
        if (found.isEmpty()) {
            return null;
        }
        ColumnStatistics column = found.get();
        double nonNull = 1 - column.nullFraction();
        double pointFraction = nonNull / Math.max(1, column.distinctValues());
        return switch (kind) {
            case EQUALS -> pointFraction;
            case NOT_EQUALS -> nonNull - pointFraction;
            case LESS_THAN, LESS_THAN_OR_EQUAL -> times(range(column, null, value(literal)), nonNull);
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> times(range(column, value(literal), null), nonNull);
            case SEARCH -> search(column, literal, pointFraction, nonNull);
            default -> null;
        };
    }

    private static Double times(Double fraction, double factor) {
        return fraction == null ? null : fraction * factor;
    }

    /** A SEARCH (IN lists, BETWEEN, ranges merged by Calcite): points count 1/NDV each, ranges their span. */
    private static Double search(ColumnStatistics column, RexLiteral literal, double pointFraction, double nonNull) {
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null) {
            return null;
        }
        if (sarg.isPoints()) {
            return sarg.pointCount * pointFraction + (sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE
                    ? column.nullFraction() : 0);
        }
        double sum = 0;
        for (com.google.common.collect.Range<?> range : sarg.rangeSet.asRanges()) {
            Double low = range.hasLowerBound() ? number(range.lowerEndpoint()) : null;
            Double high = range.hasUpperBound() ? number(range.upperEndpoint()) : null;
            if ((range.hasLowerBound() && low == null) || (range.hasUpperBound() && high == null)) {
                return null;
            }
            Double part = range(column, low, high);
            if (part == null) {
                return null;
            }
            sum += low != null && low.equals(high) ? pointFraction / nonNull : part;
        }
        return Math.min(1, sum) * nonNull;
    }

    /** The fraction of [min, max] between {@code low} and {@code high} (null: unbounded), or null if unknown. */
    private static Double range(ColumnStatistics column, Double low, Double high) {
        Double min = number(column.min());
        Double max = number(column.max());
        if (min == null || max == null || (low == null && high == null)) {
            return null;
        }
        if (max <= min) {
            return (low == null || low <= min) && (high == null || high >= max) ? 1.0 : 0.0;
        }
        double from = low == null ? min : Math.max(min, low);
        double to = high == null ? max : Math.min(max, high);
        return Math.max(0, to - from) / (max - min);
    }

    private static Double value(RexLiteral literal) {
        return number(literal.getValue());
    }

    /** Numbers, dates and date-times as doubles on one scale per type (days, seconds); null for others. */
    private static Double number(Object value) {
        return switch (value) {
            case BigDecimal decimal -> decimal.doubleValue();
            case Number number -> number.doubleValue();
            case LocalDate date -> (double) date.toEpochDay();
            case LocalDateTime dateTime -> (double) dateTime.toEpochSecond(ZoneOffset.UTC);
            case DateString date -> (double) date.getDaysSinceEpoch();
            case TimestampString timestamp -> timestamp.getMillisSinceEpoch() / 1000.0;
            case null, default -> null;
        };
    }
}
