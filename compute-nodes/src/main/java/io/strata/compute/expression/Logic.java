package io.strata.compute.expression;

import io.strata.common.type.DataType;

import java.math.BigDecimal;

/** Three-valued logic over BOOLEAN columns (longs 0/1 plus nulls), and MySQL's truth of other values. */
final class Logic {
    private Logic() {}

    /** The column read as a truth value: numbers are true when non-zero, strings by their numeric prefix. */
    static Column truth(Column column) {
        if (column.type().kind() == io.strata.common.type.TypeKind.BOOLEAN) {
            return column;
        }
        int size = column.size();
        Column out = Column.allocate(DataType.BOOLEAN, size);
        System.arraycopy(column.nulls(), 0, out.nulls(), 0, size);
        for (int i = 0; i < size; i++) {
            if (column.isNull(i)) {
                continue;
            }
            boolean value = switch (column.representation()) {
                case LONG -> column.type().kind().isTemporal() || column.longs()[i] != 0;
                case DOUBLE -> column.doubles()[i] != 0;
                case OBJECT -> switch (column.objects()[i]) {
                    case BigDecimal d -> d.signum() != 0;
                    case String s -> NumberParser.toDouble(s) != 0;
                    default -> true;
                };
            };
            out.longs()[i] = value ? 1 : 0;
        }
        return out;
    }

    static Column and(Column[] arguments, int size) {
        Column out = Column.constant(true, DataType.BOOLEAN, size);
        for (Column argument : arguments) {
            Column truth = truth(argument);
            for (int i = 0; i < size; i++) {
                boolean outFalse = !out.isNull(i) && out.longs()[i] == 0;
                boolean argFalse = !truth.isNull(i) && truth.longs()[i] == 0;
                if (outFalse || argFalse) {
                    out.nulls()[i] = false;
                    out.longs()[i] = 0;
                } else if (truth.isNull(i)) {
                    out.nulls()[i] = true;
                }
            }
        }
        return out;
    }

    static Column or(Column[] arguments, int size) {
        Column out = Column.constant(false, DataType.BOOLEAN, size);
        for (Column argument : arguments) {
            Column truth = truth(argument);
            for (int i = 0; i < size; i++) {
                boolean outTrue = !out.isNull(i) && out.longs()[i] == 1;
                boolean argTrue = !truth.isNull(i) && truth.longs()[i] == 1;
                if (outTrue || argTrue) {
                    out.nulls()[i] = false;
                    out.longs()[i] = 1;
                } else if (truth.isNull(i)) {
                    out.nulls()[i] = true;
                }
            }
        }
        return out;
    }

    static Column not(Column argument) {
        Column truth = truth(argument);
        Column out = Column.allocate(DataType.BOOLEAN, truth.size());
        for (int i = 0; i < truth.size(); i++) {
            out.nulls()[i] = truth.isNull(i);
            out.longs()[i] = truth.longs()[i] == 0 ? 1 : 0;
        }
        return out;
    }

    /** IS [NOT] NULL / TRUE / FALSE: never NULL. */
    static Column is(io.strata.compute.expression.ScalarFunction function, Column argument) {
        int size = argument.size();
        Column out = Column.allocate(DataType.BOOLEAN, size);
        Column truth = function == ScalarFunction.IS_NULL || function == ScalarFunction.IS_NOT_NULL ? null : truth(argument);
        for (int i = 0; i < size; i++) {
            boolean isNull = argument.isNull(i);
            boolean value = switch (function) {
                case IS_NULL -> isNull;
                case IS_NOT_NULL -> !isNull;
                case IS_TRUE -> !isNull && truth.longs()[i] != 0;
                case IS_FALSE -> !isNull && truth.longs()[i] == 0;
                case IS_NOT_TRUE -> isNull || truth.longs()[i] == 0;
                case IS_NOT_FALSE -> isNull || truth.longs()[i] != 0;
                default -> throw new IllegalArgumentException("not an IS test: " + function);
            };
            out.longs()[i] = value ? 1 : 0;
        }
        return out;
    }
}
