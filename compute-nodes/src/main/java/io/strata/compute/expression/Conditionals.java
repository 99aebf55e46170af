package io.strata.compute.expression;

import io.strata.common.type.DataType;

/** CASE, COALESCE, IF, IFNULL, NULLIF: every branch is converted to the call's type, then picked per row. */
final class Conditionals {
    private Conditionals() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size) {
        return switch (function) {
            case CASE -> caseWhen(arguments, type, size);
            case COALESCE, IFNULL -> coalesce(arguments, type, size);
            case IF -> caseWhen(arguments, type, size);
            case NULLIF -> nullIf(arguments, type, size);
            default -> throw new IllegalArgumentException("not a conditional: " + function);
        };
    }

    /** Arguments: when1, then1, ..., [else]. IF(c, a, b) has the same shape. */
    private static Column caseWhen(Column[] arguments, DataType type, int size) {
        int pairs = arguments.length / 2;
        Column[] conditions = new Column[pairs];
        Column[] results = new Column[pairs];
        for (int p = 0; p < pairs; p++) {
            conditions[p] = Logic.truth(arguments[2 * p]);
            results[p] = ColumnCaster.cast(arguments[2 * p + 1], type);
        }
        Column otherwise = arguments.length % 2 == 1 ? ColumnCaster.cast(arguments[arguments.length - 1], type) : null;
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            Column chosen = otherwise;
            for (int p = 0; p < pairs; p++) {
                if (!conditions[p].isNull(i) && conditions[p].longs()[i] != 0) {
                    chosen = results[p];
                    break;
                }
            }
            copy(chosen, i, out);
        }
        return out;
    }

    private static Column coalesce(Column[] arguments, DataType type, int size) {
        Column[] converted = new Column[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            converted[a] = ColumnCaster.cast(arguments[a], type);
        }
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            Column chosen = null;
            for (Column candidate : converted) {
                if (!candidate.isNull(i)) {
                    chosen = candidate;
                    break;
                }
            }
            copy(chosen, i, out);
        }
        return out;
    }

    private static Column nullIf(Column[] arguments, DataType type, int size) {
        Column equal = Comparisons.compareOperator(ScalarFunction.EQUALS, arguments[0], arguments[1]);
        Column value = ColumnCaster.cast(arguments[0], type);
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            boolean same = !equal.isNull(i) && equal.longs()[i] != 0;
            copy(same ? null : value, i, out);
        }
        return out;
    }

    /** Copies row {@code row} of {@code source} (null source: SQL NULL) into the same row of {@code out}. */
    private static void copy(Column source, int row, Column out) {
        if (source == null || source.isNull(row)) {
            out.nulls()[row] = true;
            return;
        }
        switch (out.representation()) {
            case LONG -> out.longs()[row] = source.longs()[row];
            case DOUBLE -> out.doubles()[row] = source.doubles()[row];
            case OBJECT -> out.objects()[row] = source.objects()[row];
        }
    }
}
