package io.strata.compute.operator.aggregate;

import io.strata.common.type.DataType;
import io.strata.common.type.StringCollation;
import io.strata.compute.expression.Column;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * MIN or MAX in the argument's own type; strings compare under {@link StringCollation}. DECIMALs held
 * unscaled compare as longs and strings as UTF-8 bytes (kept so per group), so no object is made per row.
 */
final class MinMaxAccumulator implements Accumulator {
    /** The declared type until the first batch shows the argument's actual one. */
    private DataType type;
    private final boolean max;
    private boolean[] seen = new boolean[16];
    private long[] longs = new long[16];
    private double[] doubles = new double[16];
    private Object[] objects = new Object[16];
    /** Per group: its DECIMAL extreme is in {@link #longs}, unscaled at {@link #type}'s scale. */
    private boolean[] unscaled = new boolean[16];

    MinMaxAccumulator(DataType type, boolean max) {
        this.type = type;
        this.max = max;
    }

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Column argument = arguments[0];
        type = argument.type();
        Column.Representation representation = argument.representation();
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group < 0 || argument.isNull(i)) {
                continue;
            }
            ensure(group + 1);
            boolean first = !seen[group];
            seen[group] = true;
            switch (representation) {
                case LONG -> {
                    long value = argument.longs()[i];
                    if (first || (max ? value > longs[group] : value < longs[group])) {
                        longs[group] = value;
                    }
                }
                case DOUBLE -> {
                    double value = argument.doubles()[i];
                    if (first || (max ? value > doubles[group] : value < doubles[group])) {
                        doubles[group] = value;
                    }
                }
                case OBJECT -> addObject(argument, i, group, first);
            }
        }
    }

    private void addObject(Column argument, int row, int group, boolean first) {
        long[] unscaledValues = argument.unscaled();
        if (unscaledValues != null && (first || unscaled[group])) {
            long value = unscaledValues[row];
            if (first || (max ? value > longs[group] : value < longs[group])) {
                longs[group] = value;
                unscaled[group] = true;
            }
            return;
        }
        if (argument.utf8() != null) {
            byte[] bytes = argument.utf8();
            int from = argument.utf8Starts()[row];
            int to = argument.utf8Starts()[row + 1];
            byte[] current = (byte[]) objects[group];
            if (first || orderIsBetter(StringCollation.compareUtf8(bytes, from, to, current, 0, current.length))) {
                objects[group] = Arrays.copyOfRange(bytes, from, to);
            }
            return;
        }
        if (unscaled[group]) { // this batch's DECIMALs are BigDecimals: the group's extreme becomes one too
            objects[group] = BigDecimal.valueOf(longs[group], type.scale());
            unscaled[group] = false;
        }
        Object value = argument.objects()[row];
        if (value instanceof String text && isText()) {
            value = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (first || better(value, objects[group])) {
            objects[group] = value;
        }
    }

    private boolean isText() {
        return type.kind().isString() || type.kind() == io.strata.common.type.TypeKind.JSON;
    }

    private boolean orderIsBetter(int order) {
        return max ? order > 0 : order < 0;
    }

    private boolean better(Object value, Object current) {
        int order = switch (value) {
            case BigDecimal d -> d.compareTo((BigDecimal) current);
            case byte[] bytes when isText() -> StringCollation.compareUtf8(bytes, 0, bytes.length,
                    (byte[]) current, 0, ((byte[]) current).length);
            case byte[] bytes -> Arrays.compareUnsigned(bytes, (byte[]) current);
            default -> value.toString().compareTo(current.toString());
        };
        return orderIsBetter(order);
    }

    private void ensure(int groups) {
        if (groups > seen.length) {
            int capacity = Math.max(groups, seen.length * 2);
            seen = Arrays.copyOf(seen, capacity);
            longs = Arrays.copyOf(longs, capacity);
            doubles = Arrays.copyOf(doubles, capacity);
            objects = Arrays.copyOf(objects, capacity);
            unscaled = Arrays.copyOf(unscaled, capacity);
        }
    }

    @Override
    public Column result(int groupCount) {
        ensure(groupCount);
        Column out = Column.allocate(type, groupCount);
        for (int g = 0; g < groupCount; g++) {
            out.nulls()[g] = !seen[g];
            switch (out.representation()) {
                case LONG -> out.longs()[g] = longs[g];
                case DOUBLE -> out.doubles()[g] = doubles[g];
                case OBJECT -> out.objects()[g] = !seen[g] ? null
                        : unscaled[g] ? BigDecimal.valueOf(longs[g], type.scale())
                        : objects[g] instanceof byte[] bytes && isText() ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                        : objects[g];
            }
        }
        return out;
    }
}
