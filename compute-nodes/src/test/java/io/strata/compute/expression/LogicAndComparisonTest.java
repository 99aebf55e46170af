package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.StringCollation;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogicAndComparisonTest extends EvaluatorTestBase {
    @Test
    void andOrNotFollowThreeValuedLogic() {
        Expr x = col(0, B);
        assertEquals(list(false, null, null), eval(call(ScalarFunction.AND, B, x, lit(null, B)), B, false, true, null));
        assertEquals(list(null, true, null), eval(call(ScalarFunction.OR, B, x, lit(null, B)), B, false, true, null));
        assertEquals(list(true, false, null), eval(call(ScalarFunction.NOT, B, x), B, false, true, null));
        assertEquals(list(false, true, false), eval(call(ScalarFunction.IS_TRUE, B, x), B, false, true, null));
        assertEquals(list(true, false, true), eval(call(ScalarFunction.IS_NOT_TRUE, B, x), B, false, true, null));
        assertEquals(list(false, false, true), eval(call(ScalarFunction.IS_NULL, B, x), B, false, true, null));
    }

    @Test
    void stringsCompareCaseAndAccentInsensitively() {
        Expr equalsAbc = call(ScalarFunction.EQUALS, B, col(0, S), lit("abc", S));
        assertEquals(list(true, true, false, null), eval(equalsAbc, S, "ABC", "àbc", "abc ", null));
        Expr less = call(ScalarFunction.LESS_THAN, B, col(0, S), lit("b", S));
        assertEquals(list(true, true, false), eval(less, S, "A", "apple", "B"));
    }

    @Test
    void stringAgainstNumberComparesAsNumbers() {
        Expr greater = call(ScalarFunction.GREATER_THAN, B, col(0, S), lit(9L, DataType.INT));
        assertEquals(list(true, false, false), eval(greater, S, "10", "9", "abc"));
        assertEquals(list(true), eval(call(ScalarFunction.EQUALS, B, col(0, S), lit(0L, DataType.INT)), S, "abc"));
        assertEquals(list(true), eval(call(ScalarFunction.EQUALS, B, col(0, DataType.INT), lit(new BigDecimal("1.0"), DataType.decimal(2, 1))),
                DataType.INT, 1L));
    }

    @Test
    void datesCompareWithDatetimesAndStrings() {
        Expr equalsText = call(ScalarFunction.EQUALS, B, col(0, DataType.DATE), lit("2024-01-05", S));
        assertEquals(list(true, false), eval(equalsText, DataType.DATE, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 6)));
        Expr before = call(ScalarFunction.LESS_THAN, B, col(0, DataType.DATE), lit(LocalDateTime.of(2024, 1, 5, 0, 0, 1), DataType.DATETIME));
        assertEquals(list(true, false), eval(before, DataType.DATE, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 6)));
    }

    @Test
    void betweenAndInFollowNullRules() {
        Expr between = call(ScalarFunction.BETWEEN, B, col(0, DataType.INT), lit(2L, DataType.INT), lit(4L, DataType.INT));
        assertEquals(list(false, true, true, false, null), eval(between, DataType.INT, 1L, 2L, 4L, 5L, null));
        Expr in = call(ScalarFunction.IN, B, col(0, DataType.INT), lit(2L, DataType.INT), lit(null, DataType.INT));
        assertEquals(list(true, null, null), eval(in, DataType.INT, 2L, 3L, null));
        Expr inStrings = call(ScalarFunction.IN, B, col(0, S), lit("x", S), lit("Y", S));
        assertEquals(list(true, false), eval(inStrings, S, "y", "z"));
    }

    @Test
    void nullSafeEqualityIsNeverNull() {
        DataType i = DataType.INT;
        Expr same = call(ScalarFunction.IS_NOT_DISTINCT_FROM, B, col(0, i), lit(null, i));
        assertEquals(list(false, true), eval(same, i, 1L, null));
        Expr different = call(ScalarFunction.IS_DISTINCT_FROM, B, col(0, i), lit(1L, i));
        assertEquals(list(false, true, true), eval(different, i, 1L, 2L, null));
    }

    @Test
    void collationOrdersPunctuationThenDigitsThenLetters() {
        assertEquals(true, StringCollation.compare("_x", "1") < 0);
        assertEquals(true, StringCollation.compare("9", "a") < 0);
        assertEquals(true, StringCollation.compare("Zebra", "apple") > 0);
        assertEquals(0, StringCollation.compare("Éclair", "eclair"));
        assertEquals(true, StringCollation.compare("abc", "abc ") < 0);
    }

    @Test
    void vectorsWithoutSqlTypeMetadataAreReadByTheirArrowType() {
        try (org.apache.arrow.vector.IntVector plain = new org.apache.arrow.vector.IntVector("p", allocator)) {
            plain.allocateNew(2);
            plain.set(0, 41);
            plain.setNull(1);
            plain.setValueCount(2);
            try (VectorSchemaRoot batch = VectorSchemaRoot.of(plain);
                 FieldVector result = new ExpressionEvaluator(context).evaluate(
                         call(ScalarFunction.PLUS, DataType.BIGINT, col(0, DataType.INT), lit(1L, DataType.INT)), batch, "r")) {
                assertEquals(42L, ArrowValues.get(result, 0));
                assertEquals(null, ArrowValues.get(result, 1));
            }
        }
    }

    @Test
    void conditionsAndProjectionsEvaluateOverASelectionOfRows() {
        DataType type = DataType.BIGINT;
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (long v = 0; v < 10; v++) {
            rows.add(new Object[] {v, v % 3 == 0 ? null : "s" + v});
        }
        var fields = java.util.List.of(io.strata.common.type.ArrowTypes.field("v", type, true),
                io.strata.common.type.ArrowTypes.field("s", S, true));
        ExpressionEvaluator evaluator = new ExpressionEvaluator(context);
        try (var batch = io.strata.compute.batch.BatchBuilder.build(allocator, fields, rows)) {
            Expr odd = call(ScalarFunction.EQUALS, B, call(ScalarFunction.MOD, type, col(0, type), lit(2L, type)), lit(1L, type));
            Expr notNull = call(ScalarFunction.IS_NOT_NULL, B, col(1, S));
            Expr both = call(ScalarFunction.AND, B, odd, notNull);
            ExpressionEvaluator.Selection all = evaluator.selectTrue(both, batch);
            assertEquals(java.util.List.of(1, 5, 7), java.util.Arrays.stream(all.rows(), 0, all.count()).boxed().toList());
            ExpressionEvaluator.Selection among = new ExpressionEvaluator.Selection(new int[] {2, 5, 6, 7, 9}, 5);
            ExpressionEvaluator.Selection kept = evaluator.selectTrue(both, batch, among);
            assertEquals(java.util.List.of(5, 7), java.util.Arrays.stream(kept.rows(), 0, kept.count()).boxed().toList());
            var vectors = evaluator.evaluateAll(java.util.List.of(col(1, S), call(ScalarFunction.PLUS, type, col(0, type),
                    lit(100L, type))), batch, kept, java.util.List.of("s", "p"));
            try {
                assertEquals(2, vectors.get(0).getValueCount());
                assertEquals("s5", io.strata.common.type.ArrowValues.get(vectors.get(0), 0).toString());
                assertEquals("s7", io.strata.common.type.ArrowValues.get(vectors.get(0), 1).toString());
                assertEquals(105L, ((Number) io.strata.common.type.ArrowValues.get(vectors.get(1), 0)).longValue());
                assertEquals(107L, ((Number) io.strata.common.type.ArrowValues.get(vectors.get(1), 1)).longValue());
            } finally {
                vectors.forEach(org.apache.arrow.vector.FieldVector::close);
            }
        }
    }
}
