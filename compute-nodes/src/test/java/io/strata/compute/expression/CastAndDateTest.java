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

class CastAndDateTest extends EvaluatorTestBase {
    @Test
    void castsFollowMysqlConversions() {
        assertEquals(12L, constant(call(ScalarFunction.CAST, DataType.BIGINT, lit("12abc", S))));
        assertEquals(0L, constant(call(ScalarFunction.CAST, DataType.BIGINT, lit("abc", S))));
        assertEquals(2L, constant(call(ScalarFunction.CAST, DataType.BIGINT, lit(new BigDecimal("1.5"), DataType.decimal(2, 1)))));
        assertEquals(new BigDecimal("3.14"), constant(call(ScalarFunction.CAST, DataType.decimal(5, 2), lit(" 3.14159xyz", S))));
        assertEquals(null, constant(call(ScalarFunction.CAST, DataType.DATE, lit("2023-02-30", S))));
        assertEquals(LocalDate.of(2023, 2, 3), constant(call(ScalarFunction.CAST, DataType.DATE, lit("2023-2-3 10:00", S))));
        assertEquals(LocalDateTime.of(2023, 2, 3, 4, 5, 6), constant(call(ScalarFunction.CAST, DataType.DATETIME, lit("20230203040506", S))));
        assertEquals("0.30000000000000004", constant(call(ScalarFunction.CAST, S,
                call(ScalarFunction.PLUS, DataType.DOUBLE, lit(0.1, DataType.DOUBLE), lit(0.2, DataType.DOUBLE)))));
        assertEquals("1e20", constant(call(ScalarFunction.CAST, S, lit(1e20, DataType.DOUBLE))));
        assertEquals("100", constant(call(ScalarFunction.CAST, S, lit(100.0, DataType.DOUBLE))));
        assertEquals("1.50", constant(call(ScalarFunction.CAST, S, lit(new BigDecimal("1.50"), DataType.decimal(3, 2)))));
        assertEquals("2024-01-02 03:04:05", constant(call(ScalarFunction.CAST, S,
                lit(LocalDateTime.of(2024, 1, 2, 3, 4, 5), DataType.DATETIME))));
        assertEquals(1.5, constant(call(ScalarFunction.CAST, DataType.DOUBLE, lit("1.5e0", S))));
    }

    @Test
    void dateFunctionsAndStatementTime() {
        assertEquals(list(2024L, null), eval(call(ScalarFunction.YEAR, DataType.BIGINT, col(0, DataType.DATE)), DataType.DATE,
                LocalDate.of(2024, 3, 9), null));
        assertEquals(3L, constant(call(ScalarFunction.MONTH, DataType.BIGINT, lit("2024-03-09", S))));
        assertEquals(9L, constant(call(ScalarFunction.DAY, DataType.BIGINT, lit(LocalDateTime.of(2024, 3, 9, 1, 2), DataType.DATETIME))));
        assertEquals(LocalDate.of(2024, 5, 17), constant(call(ScalarFunction.CURRENT_DATE, DataType.DATE)));
        assertEquals(LocalDateTime.of(2024, 5, 17, 10, 30, 15), constant(call(ScalarFunction.CURRENT_TIMESTAMP, DataType.DATETIME)));
    }

    @Test
    void parametersConvertToTheirType() {
        ExpressionEvaluator evaluator = new ExpressionEvaluator(contextWith("5", 2.5, null));
        assertEquals(5L, evaluator.evaluateConstant(new Expr.Parameter(0, DataType.INT)));
        assertEquals(new BigDecimal("2.50"), evaluator.evaluateConstant(new Expr.Parameter(1, DataType.decimal(5, 2))));
        assertEquals(null, evaluator.evaluateConstant(new Expr.Parameter(2, DataType.INT)));
        StrataException unbound = assertThrows(StrataException.class, () -> evaluator.evaluateConstant(new Expr.Parameter(3, DataType.INT)));
        assertEquals(ErrorCode.ER_WRONG_ARGUMENTS, unbound.code());
    }

    @Test
    void intervalArithmeticOnDatesAndDatetimes() {
        Expr minusNinetyDays = call(ScalarFunction.ADD_MILLISECONDS, DataType.DATE, lit(LocalDate.of(1998, 12, 1), DataType.DATE),
                lit(-90L * 86_400_000L, DataType.BIGINT));
        assertEquals(LocalDate.of(1998, 9, 2), constant(minusNinetyDays));
        Expr plusMonth = call(ScalarFunction.ADD_MONTHS, DataType.DATE, col(0, DataType.DATE), lit(1L, DataType.BIGINT));
        assertEquals(list(LocalDate.of(2024, 2, 29), null), eval(plusMonth, DataType.DATE, LocalDate.of(2024, 1, 31), null));
        Expr plusHour = call(ScalarFunction.ADD_MILLISECONDS, DataType.DATETIME, lit("2024-01-01 23:30:00", S), lit(3_600_000L, DataType.BIGINT));
        assertEquals(LocalDateTime.of(2024, 1, 2, 0, 30), constant(plusHour));
    }
}
