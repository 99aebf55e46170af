package io.strata.compute.operator.aggregate;

import io.strata.common.type.DataType;
import io.strata.common.type.StringCollation;
import io.strata.compute.expression.Column;

import java.math.BigDecimal;
import java.util.Arrays;

/** MIN or MAX in the argument's own type; strings compare under {@link StringCollation}. */
final class MinMaxAccumulator implements Accumulator {
    /** The declared type until the first batch shows the argument's actual one. */
    private DataType type;
    private final boolean max;
    private boolean[] seen = new boolean[16];
    private long[] longs = new long[16];
    private double[] doubles = new double[16];
    private Object[] objects = new Object[16];

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
                case OBJECT -> {
                    Object value = argument.objects()[i];
                    if (first || better(value, objects[group])) {
                        objects[group] = value;
                    }
                }
            }
        }
    }

    private boolean better(Object value, Object current) {
        int order = switch (value) {
            case BigDecimal d -> d.compareTo((BigDecimal) current);
            case String s -> StringCollation.compare(s, (String) current);
            case byte[] bytes -> Arrays.compareUnsigned(bytes, (byte[]) current);
            default -> value.toString().compareTo(current.toString());
        };
        return max ? order > 0 : order < 0;
    }

    private void ensure(int groups) {
        if (groups > seen.length) {
            int capacity = Math.max(groups, seen.length * 2);
            seen = Arrays.copyOf(seen, capacity);
            longs = Arrays.copyOf(longs, capacity);
            doubles = Arrays.copyOf(doubles, capacity);
            objects = Arrays.copyOf(objects, capacity);
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
                case OBJECT -> out.objects()[g] = objects[g];
            }
        }
        return out;
    }
}
