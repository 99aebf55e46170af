package io.strata.compute.operator.aggregate;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.expression.ScaledLongs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * SUM and AVG. Exact inputs (integers, DECIMAL) are summed exactly: integers and DECIMALs held as
 * longs (unscaled at the input's scale) in a long until it would overflow, then in a BigDecimal; the result is DECIMAL as in MySQL (AVG at the call's scale,
 * or the input's scale + 4). Other inputs, or a FLOAT/DOUBLE result, are summed as doubles.
 * A group without non-NULL values gives NULL.
 */
final class SumAccumulator implements Accumulator {
    private final boolean average;
    private final boolean exact;
    private final DataType resultType;
    private final int inputScale;
    private long[] counts = new long[16];
    private long[] longSums = new long[16];
    private BigDecimal[] bigSums = new BigDecimal[16];
    private double[] doubleSums = new double[16];

    SumAccumulator(DataType inputType, DataType resultType, boolean average) {
        this.average = average;
        this.resultType = resultType;
        TypeKind input = inputType.kind();
        boolean exactInput = input.isInteger() || input == TypeKind.DECIMAL;
        this.exact = exactInput && resultType.kind() != TypeKind.DOUBLE && resultType.kind() != TypeKind.FLOAT;
        this.inputScale = input == TypeKind.DECIMAL ? inputType.scale() : 0;
    }

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Column argument = exact ? arguments[0] : ColumnCaster.cast(arguments[0], DataType.DOUBLE);
        ScaledLongs scaled = exact ? ScaledLongs.of(argument) : null;
        if (scaled != null && scaled.scale() == inputScale) {
            addScaled(scaled.values(), argument.nulls(), groupIds, rowCount);
            return;
        }
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group < 0 || argument.isNull(i)) {
                continue;
            }
            ensure(group + 1);
            counts[group]++;
            if (!exact) {
                doubleSums[group] += argument.doubles()[i];
            } else if (argument.representation() == Column.Representation.LONG) {
                addLong(group, argument.longs()[i]);
            } else {
                BigDecimal value = (BigDecimal) argument.objects()[i];
                bigSums[group] = bigSums[group] == null ? value : bigSums[group].add(value);
            }
        }
    }

    /** Integers, or DECIMALs unscaled at the input's scale: summed in the longs, as the integers are. */
    private void addScaled(long[] values, boolean[] nulls, int[] groupIds, int rowCount) {
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group < 0 || nulls[i]) {
                continue;
            }
            ensure(group + 1);
            counts[group]++;
            addLong(group, values[i]);
        }
    }

    private void addLong(int group, long value) {
        long sum = longSums[group];
        long next = sum + value;
        if (((sum ^ next) & (value ^ next)) < 0) {
            // the long would overflow: move what it holds into the BigDecimal part
            BigDecimal spilled = BigDecimal.valueOf(sum, inputScale).add(BigDecimal.valueOf(value, inputScale));
            bigSums[group] = bigSums[group] == null ? spilled : bigSums[group].add(spilled);
            longSums[group] = 0;
        } else {
            longSums[group] = next;
        }
    }

    private void ensure(int groups) {
        if (groups > counts.length) {
            int capacity = Math.max(groups, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            longSums = Arrays.copyOf(longSums, capacity);
            bigSums = Arrays.copyOf(bigSums, capacity);
            doubleSums = Arrays.copyOf(doubleSums, capacity);
        }
    }

    @Override
    public Column result(int groupCount) {
        ensure(groupCount);
        if (!exact) {
            Column out = Column.allocate(DataType.DOUBLE, groupCount);
            for (int g = 0; g < groupCount; g++) {
                out.nulls()[g] = counts[g] == 0;
                out.doubles()[g] = average && counts[g] > 0 ? doubleSums[g] / counts[g] : doubleSums[g];
            }
            return out;
        }
        int scale = average ? (resultType.kind() == TypeKind.DECIMAL ? resultType.scale() : inputScale + 4) : inputScale;
        Column out = Column.allocate(DataType.decimal(DataType.MAX_DECIMAL_PRECISION, Math.min(scale, 30)), groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] == 0) {
                out.nulls()[g] = true;
                continue;
            }
            BigDecimal sum = BigDecimal.valueOf(longSums[g], inputScale);
            if (bigSums[g] != null) {
                sum = sum.add(bigSums[g]);
            }
            out.objects()[g] = average ? sum.divide(BigDecimal.valueOf(counts[g]), scale, RoundingMode.HALF_UP) : sum;
        }
        return out;
    }
}
