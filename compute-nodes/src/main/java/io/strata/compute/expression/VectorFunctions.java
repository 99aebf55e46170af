package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

/**
 * Distances and norms of vectors for exact vector search ({@code ORDER BY l2_distance(v, ?) LIMIT k}
 * runs as a projection, then a top-N sort). Vectors of 32-bit floats are computed without copying;
 * anything else is read as 64-bit. Sums accumulate in double.
 */
final class VectorFunctions {
    private VectorFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, int size) {
        Column a = vectors(arguments[0]);
        Column b = arguments.length > 1 ? vectors(arguments[1]) : null;
        if (function == ScalarFunction.VECTOR_DIMS) {
            Column out = Column.allocate(DataType.BIGINT, size);
            for (int i = 0; i < size; i++) {
                out.nulls()[i] = a.isNull(i);
                out.longs()[i] = a.isNull(i) ? 0 : dimension(a.objects()[i]);
            }
            return out;
        }
        Column out = Column.allocate(DataType.DOUBLE, size);
        for (int i = 0; i < size; i++) {
            if (a.isNull(i) || b != null && b.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            double value = b == null ? Math.sqrt(dot(a.objects()[i], a.objects()[i]))
                    : pair(function, a.objects()[i], b.objects()[i]);
            if (Double.isNaN(value)) {
                out.nulls()[i] = true;
            } else {
                out.doubles()[i] = value;
            }
        }
        return out;
    }

    /** The argument as vectors: vector columns as they are, text parsed as a vector of any dimension. */
    private static Column vectors(Column argument) {
        TypeKind kind = argument.type().kind();
        if (kind == TypeKind.VECF32 || kind == TypeKind.VECF64) {
            return argument;
        }
        return ColumnCaster.cast(argument, DataType.vecf32(0));
    }

    private static double pair(ScalarFunction function, Object x, Object y) {
        int dimension = dimension(x);
        if (dimension != dimension(y)) {
            throw StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS, "vector dimensions differ: %d and %d", dimension, dimension(y));
        }
        return switch (function) {
            case L2_DISTANCE -> Math.sqrt(squaredDistance(x, y));
            case L2_DISTANCE_SQ -> squaredDistance(x, y);
            case INNER_PRODUCT -> dot(x, y);
            case COSINE_SIMILARITY -> cosine(x, y);
            case COSINE_DISTANCE -> 1 - cosine(x, y);
            default -> throw new IllegalArgumentException("not a vector distance: " + function);
        };
    }

    private static double cosine(Object x, Object y) {
        double norms = Math.sqrt(dot(x, x)) * Math.sqrt(dot(y, y));
        return norms == 0 ? Double.NaN : dot(x, y) / norms;
    }

    private static int dimension(Object vector) {
        return vector instanceof float[] floats ? floats.length : ((double[]) vector).length;
    }

    private static double squaredDistance(Object x, Object y) {
        double sum = 0;
        if (x instanceof float[] a && y instanceof float[] b) {
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - b[i];
                sum += d * d;
            }
            return sum;
        }
        double[] a = doubles(x);
        double[] b = doubles(y);
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private static double dot(Object x, Object y) {
        double sum = 0;
        if (x instanceof float[] a && y instanceof float[] b) {
            for (int i = 0; i < a.length; i++) {
                sum += (double) a[i] * b[i];
            }
            return sum;
        }
        double[] a = doubles(x);
        double[] b = doubles(y);
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] doubles(Object vector) {
        if (vector instanceof double[] values) {
            return values;
        }
        float[] floats = (float[]) vector;
        double[] values = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            values[i] = floats[i];
        }
        return values;
    }
}
