package io.strata.sql.session;

import io.strata.sql.parser.StrataParser;
import io.strata.sql.plan.PlannedQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which literals of a text query are lifted, how its shape is named, and when a kept plan is used. */
class TextQueryPlansTest {
    private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

    static TextQueryPlans.Lifted lift(String sql) {
        return TextQueryPlans.lift(StrataParser.parseOne(sql), new SqlText(sql), "d");
    }

    @Test
    void whereComparisonsWithAColumnAreLiftedAndTheRestOfTheTextNamesTheShape() {
        TextQueryPlans.Lifted first = lift("SELECT v, 1 FROM t WHERE id = 5 AND (name = 'x' OR NOT k BETWEEN 1 AND 9) LIMIT 3");
        TextQueryPlans.Lifted second = lift("SELECT v, 1 FROM t WHERE id = 6 AND (name = 'it''s' OR NOT k BETWEEN -1 AND 9) LIMIT 3");
        assertEquals(List.of(5L, "x", 1L, 9L), first.values());
        assertEquals("d\u0000SELECT v, 1 FROM t WHERE id = ? AND (name = ? OR NOT k BETWEEN ? AND ?) LIMIT 3", first.key());
        assertEquals(List.of(6L, "it's", -1L, 9L), second.values());
        String planned = first.parameterized().toString();
        assertEquals(4, planned.chars().filter(c -> c == '?').count(), planned);
        assertEquals(false, first.query().toString().contains("?"), "the parsed query itself is left as it was");
        assertEquals(first.key(), second.key());
        assertNotEquals(lift("SELECT v, 1 FROM t WHERE id = 5 AND (name = 'x' OR NOT k BETWEEN 1 AND 9) LIMIT 4").key(),
                first.key(), "LIMIT stays in the name");
    }

    @Test
    void otherLiteralsStayAsWritten() {
        assertNull(lift("SELECT v FROM t"), "no WHERE");
        assertNull(lift("SELECT v FROM t WHERE LENGTH(name) = 3 + 1"), "no column on either side");
        assertNull(lift("SELECT v FROM t WHERE price = 1.5"), "decimal literals keep their scale");
        assertNull(lift("SELECT v FROM t WHERE d = DATE '2024-01-01'"));
        assertNull(lift("SELECT v FROM t WHERE id = 99999999999999999999"), "beyond a long");
        assertEquals(List.of(3L), lift("SELECT v FROM t WHERE 3 < id").values(), "either side of the column");
    }

    private static PlannedQuery planWith(SqlTypeName... parameterTypes) {
        var builder = TYPES.builder();
        for (int i = 0; i < parameterTypes.length; i++) {
            builder.add("?" + i, parameterTypes[i] == SqlTypeName.VARCHAR ? TYPES.createSqlType(SqlTypeName.VARCHAR, 5)
                    : TYPES.createSqlType(parameterTypes[i]));
        }
        RelDataType row = builder.build();
        return new PlannedQuery(null, row, List.of(), row, false);
    }

    /** A planner giving what {@code plans} gives, counting its calls in {@code calls}. */
    private static java.util.function.Function<TextQueryPlans.Lifted, PlannedQuery> counting(
            AtomicInteger calls, java.util.function.Supplier<PlannedQuery> plans) {
        return lifted -> {
            calls.incrementAndGet();
            return plans.get();
        };
    }

    @Test
    void aShapeIsPlannedOnceAndUsedWhileValuesBindExactly() {
        TextQueryPlans plans = new TextQueryPlans();
        AtomicInteger planned = new AtomicInteger();
        PlannedQuery plan = planWith(SqlTypeName.TINYINT, SqlTypeName.VARCHAR);
        var planner = counting(planned, () -> plan);
        assertSame(plan, plans.plan(lift("SELECT v FROM t WHERE a = 1 AND b = 'x'"), 1, planner));
        assertSame(plan, plans.plan(lift("SELECT v FROM t WHERE a = 127 AND b = 'abcde'"), 1, planner));
        assertEquals(1, planned.get());
        assertNull(plans.plan(lift("SELECT v FROM t WHERE a = 128 AND b = 'x'"), 1, planner), "outside TINYINT");
        assertNull(plans.plan(lift("SELECT v FROM t WHERE a = 1 AND b = 'abcdef'"), 1, planner), "longer than VARCHAR(5)");
        assertEquals(1, planned.get());
        assertSame(plan, plans.plan(lift("SELECT v FROM t WHERE a = 2 AND b = 'y'"), 2, planner), "after DDL: planned again");
        assertEquals(2, planned.get());
    }

    @Test
    void aShapeWhoseParametersAreOtherTypesIsNotTriedAgain() {
        TextQueryPlans plans = new TextQueryPlans();
        AtomicInteger planned = new AtomicInteger();
        var planner = counting(planned, () -> planWith(SqlTypeName.DECIMAL));
        assertNull(plans.plan(lift("SELECT v FROM t WHERE price = 5"), 1, planner));
        assertNull(plans.plan(lift("SELECT v FROM t WHERE price = 6"), 1, planner));
        assertEquals(1, planned.get());
    }

    @Test
    void aShapeThatFailsToPlanWithParametersIsPlannedAsWritten() {
        TextQueryPlans plans = new TextQueryPlans();
        AtomicInteger planned = new AtomicInteger();
        var planner = counting(planned, () -> {
            throw new IllegalStateException("cannot infer a parameter type");
        });
        assertNull(plans.plan(lift("SELECT v FROM t WHERE a = 1"), 1, planner));
        assertNull(plans.plan(lift("SELECT v FROM t WHERE a = 2"), 1, planner));
        assertEquals(1, planned.get());
    }
}
