package io.strata.tests.tpch;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultComparisonTest {
    private static QueryResult result(Object[]... rows) {
        return new QueryResult(List.of("a", "b"), Arrays.stream(rows).map(Arrays::asList).toList());
    }

    private static final QueryResult EXPECTED = result(
            new Object[] {"x", new BigDecimal("1.50")},
            new Object[] {"y", new BigDecimal("2.25")});

    @Test
    void decimalsMatchExactlyWhateverTheirScale() {
        QueryResult same = result(new Object[] {"x", new BigDecimal("1.5")}, new Object[] {"y", new BigDecimal("2.2500")});
        assertTrue(ResultComparison.difference(EXPECTED, same, List.of(1)).isEmpty());
        QueryResult off = result(new Object[] {"x", new BigDecimal("1.51")}, new Object[] {"y", new BigDecimal("2.25")});
        assertEquals("row [x, 1.51] where [x, 1.50] was expected (column b)",
                ResultComparison.difference(EXPECTED, off, List.of(1)).orElseThrow());
    }

    @Test
    void aDoubleMatchesADecimalWithinOneUnitOfItsLastPlace() {
        assertTrue(ResultComparison.matches(25.510204081632654, new BigDecimal("25.5102")));
        assertTrue(ResultComparison.matches(new BigDecimal("0.0392"), 0.03924));
        assertFalse(ResultComparison.matches(25.5104, new BigDecimal("25.5102")));
        assertTrue(ResultComparison.matches(1.0 / 3, 0.3333333333333333));
        assertFalse(ResultComparison.matches(1.0 / 3, 0.33333));
    }

    @Test
    void rowsMayComeInAnyOrderTheQueryDoesNotFix() {
        QueryResult swapped = result(new Object[] {"y", new BigDecimal("2.25")}, new Object[] {"x", new BigDecimal("1.50")});
        assertTrue(ResultComparison.difference(EXPECTED, swapped, List.of()).isEmpty());
        assertEquals("out of order at row 1: column 1 is y, expected x (row [y, 2.25])",
                ResultComparison.difference(EXPECTED, swapped, List.of(1)).orElseThrow());
    }

    @Test
    void missingRowsNullsAndTextDiffer() {
        assertEquals("1 rows, expected 2", ResultComparison.difference(EXPECTED,
                result(new Object[] {"x", new BigDecimal("1.50")}), List.of()).orElseThrow());
        assertFalse(ResultComparison.matches(null, BigDecimal.ONE));
        assertTrue(ResultComparison.matches(null, null));
        assertFalse(ResultComparison.matches("BRAZIL", "brazil"));
        assertFalse(ResultComparison.matches("1", BigDecimal.ONE));
    }

    @Test
    void everyQueryNamesTheColumnsItsOrderByFixes() {
        List<TpchQuery> queries = TpchQuery.all(0.01);
        assertEquals(22, queries.size());
        assertEquals(List.of(2, 1), queries.get(12).orderedColumns());
        assertTrue(queries.get(5).orderedColumns().isEmpty());
        assertTrue(queries.get(10).sql().contains("* 0.01"), queries.get(10).sql());
        assertTrue(TpchQuery.load(11, 1).sql().contains("* 0.0001"));
    }
}
