package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArithmeticAndMathTest extends EvaluatorTestBase {
    @Test
    void bigintOverflowIsOutOfRangeError() {
        StrataException error = assertThrows(StrataException.class, () -> eval(
                call(ScalarFunction.PLUS, DataType.BIGINT, col(0, DataType.BIGINT), lit(1L, DataType.BIGINT)), DataType.BIGINT, Long.MAX_VALUE));
        assertEquals(ErrorCode.ER_DATA_OUT_OF_RANGE, error.code());
        assertEquals(1690, error.code().mysqlCode());
        assertThrows(StrataException.class, () -> eval(
                call(ScalarFunction.MULTIPLY, DataType.BIGINT, col(0, DataType.BIGINT), lit(2L, DataType.BIGINT)), DataType.BIGINT, Long.MIN_VALUE));
    }

    @Test
    void divisionAndModuloByZeroAreNull() {
        DataType d = DataType.decimal(14, 4);
        assertEquals(list(new BigDecimal("0.3333"), null, null),
                eval(call(ScalarFunction.DIVIDE, d, lit(1L, DataType.INT), col(0, DataType.INT)), DataType.INT, 3L, 0L, null));
        assertEquals(list(2.5, null), eval(call(ScalarFunction.DIVIDE, DataType.DOUBLE, lit(5.0, DataType.DOUBLE), col(0, DataType.DOUBLE)),
                DataType.DOUBLE, 2.0, 0.0));
        assertEquals(list(1L, null), eval(call(ScalarFunction.MOD, DataType.BIGINT, lit(7L, DataType.BIGINT), col(0, DataType.BIGINT)),
                DataType.BIGINT, 3L, 0L));
        assertEquals(list(3L, -3L), eval(call(ScalarFunction.INT_DIVIDE, DataType.BIGINT, col(0, DataType.decimal(3, 1)), lit(2L, DataType.INT)),
                DataType.decimal(3, 1), new BigDecimal("7.5"), new BigDecimal("-7.5")));
    }

    @Test
    void decimalArithmeticIsExact() {
        DataType d = DataType.decimal(10, 1);
        assertEquals(list(new BigDecimal("0.3")), eval(call(ScalarFunction.PLUS, d, col(0, DataType.decimal(2, 1)),
                lit(new BigDecimal("0.2"), DataType.decimal(2, 1))), DataType.decimal(2, 1), new BigDecimal("0.1")));
        assertEquals(list(new BigDecimal("0.01")), eval(call(ScalarFunction.MULTIPLY, DataType.decimal(10, 2), col(0, DataType.decimal(2, 1)),
                col(0, DataType.decimal(2, 1))), DataType.decimal(2, 1), new BigDecimal("0.1")));
        assertEquals(list(new BigDecimal("-1.5")), eval(call(ScalarFunction.NEGATE, d, col(0, d)), d, new BigDecimal("1.5")));
    }

    @Test
    void mathFunctions() {
        DataType d0 = DataType.decimal(10, 0);
        assertEquals(new BigDecimal("3"), constant(call(ScalarFunction.ROUND, d0, lit(new BigDecimal("2.5"), DataType.decimal(2, 1)))));
        assertEquals(new BigDecimal("-3"), constant(call(ScalarFunction.ROUND, d0, lit(new BigDecimal("-2.5"), DataType.decimal(2, 1)))));
        assertEquals(new BigDecimal("1.24"), constant(call(ScalarFunction.ROUND, DataType.decimal(10, 2),
                lit(new BigDecimal("1.235"), DataType.decimal(4, 3)), lit(2L, DataType.INT))));
        assertEquals(1200L, constant(call(ScalarFunction.ROUND, DataType.BIGINT, lit(1234L, DataType.INT), lit(-2L, DataType.INT))));
        assertEquals(2.0, constant(call(ScalarFunction.ROUND, DataType.DOUBLE, lit(2.5, DataType.DOUBLE))));
        assertEquals(-3L, constant(call(ScalarFunction.FLOOR, DataType.BIGINT, lit(new BigDecimal("-2.5"), DataType.decimal(2, 1)))));
        assertEquals(3.0, constant(call(ScalarFunction.CEIL, DataType.DOUBLE, lit(2.1, DataType.DOUBLE))));
        assertEquals(5L, constant(call(ScalarFunction.ABS, DataType.BIGINT, lit(-5L, DataType.BIGINT))));
    }

    @Test
    void moreNumericAndDateFunctions() {
        assertEquals(-1L, constant(call(ScalarFunction.SIGN, DataType.BIGINT, lit(new BigDecimal("-2.5"), DataType.decimal(2, 1)))));
        assertEquals(8.0, constant(call(ScalarFunction.POWER, DataType.DOUBLE, lit(2L, DataType.INT), lit(3L, DataType.INT))));
        assertEquals(null, constant(call(ScalarFunction.SQRT, DataType.DOUBLE, lit(-1L, DataType.INT))));
        assertEquals(null, constant(call(ScalarFunction.LN, DataType.DOUBLE, lit(0L, DataType.INT))));
        DataType i = DataType.INT;
        assertEquals(list(5L, null), eval(call(ScalarFunction.GREATEST, DataType.BIGINT, col(0, i), lit(3L, i), lit(5L, i)), i, 1L, null));
        assertEquals("apple", constant(call(ScalarFunction.LEAST, S, lit("banana", S), lit("Cherry", S), lit("apple", S))));
        LocalDateTime time = LocalDateTime.of(2024, 3, 9, 13, 45, 59);
        assertEquals(13L, constant(call(ScalarFunction.HOUR, DataType.BIGINT, lit(time, DataType.DATETIME))));
        assertEquals(45L, constant(call(ScalarFunction.MINUTE, DataType.BIGINT, lit(time, DataType.DATETIME))));
        assertEquals(59L, constant(call(ScalarFunction.SECOND, DataType.BIGINT, lit("13:45:59", S))));
        assertEquals(7L, constant(call(ScalarFunction.DAYOFWEEK, DataType.BIGINT, lit(LocalDate.of(2024, 3, 9), DataType.DATE))));
        assertEquals(-8L, constant(call(ScalarFunction.DATEDIFF, DataType.BIGINT, lit("2024-03-01", S), lit(time, DataType.DATETIME))));
    }

    @Test
    void conditionals() {
        DataType i = DataType.INT;
        Expr caseWhen = call(ScalarFunction.CASE, S, call(ScalarFunction.EQUALS, B, col(0, i), lit(1L, i)), lit("one", S),
                call(ScalarFunction.EQUALS, B, col(0, i), lit(2L, i)), lit("two", S), lit("many", S));
        assertEquals(list("one", "two", "many", "many"), eval(caseWhen, i, 1L, 2L, 3L, null));
        Expr noElse = call(ScalarFunction.CASE, S, call(ScalarFunction.EQUALS, B, col(0, i), lit(1L, i)), lit("one", S));
        assertEquals(list("one", null), eval(noElse, i, 1L, 2L));
        assertEquals(list(7L, 1L), eval(call(ScalarFunction.COALESCE, DataType.BIGINT, col(0, i), lit(7L, i)), i, null, 1L));
        assertEquals(list(7L, 1L), eval(call(ScalarFunction.IFNULL, DataType.BIGINT, col(0, i), lit(7L, i)), i, null, 1L));
        assertEquals(list(null, 2L, null), eval(call(ScalarFunction.NULLIF, i, col(0, i), lit(1L, i)), i, 1L, 2L, null));
        assertEquals(list("y", "n", "n"), eval(call(ScalarFunction.IF, S, col(0, i), lit("y", S), lit("n", S)), i, 5L, 0L, null));
    }
}
