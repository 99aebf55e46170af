package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorFunctionsTest extends EvaluatorTestBase {
    private static final DataType V = DataType.vecf32(3);
    private static final DataType D = DataType.DOUBLE;

    @Test
    void distancesBetweenVectorColumnAndText() {
        Expr query = lit("[1, 2, 2]", S);
        assertEquals(list(3.0, null, 0.0), eval(call(ScalarFunction.L2_DISTANCE, D, col(0, V), query), V,
                new float[] {0, 0, 0}, null, new float[] {1, 2, 2}));
        assertEquals(list(9.0), eval(call(ScalarFunction.L2_DISTANCE_SQ, D, col(0, V), query), V, new float[] {0, 0, 0}));
        assertEquals(list(9.0), eval(call(ScalarFunction.INNER_PRODUCT, D, col(0, V), query), V, new float[] {1, 2, 2}));
        assertEquals(list(0.0, null), eval(call(ScalarFunction.COSINE_DISTANCE, D, col(0, V), query), V,
                new float[] {2, 4, 4}, new float[] {0, 0, 0}));
        assertEquals(3.0, constant(call(ScalarFunction.L2_NORM, D, query)));
        assertEquals(3L, constant(call(ScalarFunction.VECTOR_DIMS, DataType.BIGINT, query)));
    }

    @Test
    void differentDimensionsAreAnError() {
        StrataException error = assertThrows(StrataException.class,
                () -> constant(call(ScalarFunction.L2_DISTANCE, D, lit("[1, 2]", S), lit("[1, 2, 3]", S))));
        assertEquals(ErrorCode.ER_WRONG_ARGUMENTS, error.code());
    }
}
