package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FilterAndProjectOperatorTest extends PeopleTableTestBase {
    @Test
    void filterKeepsOnlyTrueRowsComparingStringsCaseInsensitively() {
        PhysicalNode plan = new PhysicalNode.Filter(people(),
                call(ScalarFunction.EQUALS, DataType.BOOLEAN, ref(1, DataType.varchar(20)), lit("BOB", DataType.varchar(3))));
        assertEquals(List.of(list(2L, "Bob", null), list(5L, "bob", new BigDecimal("0.00"))), run(plan));
    }

    @Test
    void filterDropsRowsWhereConditionIsNull() {
        PhysicalNode plan = new PhysicalNode.Filter(people(),
                call(ScalarFunction.GREATER_THAN, DataType.BOOLEAN, ref(2, DataType.decimal(5, 2)), lit(new BigDecimal("-5"), DataType.decimal(1, 0))));
        assertEquals(4, run(plan).size());
    }

    @Test
    void projectComputesExpressionsAndKeepsColumnReferences() {
        DataType sumType = DataType.decimal(7, 2);
        PhysicalNode plan = new PhysicalNode.Project(people(),
                List.of(ref(0, DataType.INT), call(ScalarFunction.PLUS, sumType, ref(2, DataType.decimal(5, 2)), ref(0, DataType.INT)),
                        call(ScalarFunction.UPPER, DataType.varchar(20), ref(1, DataType.varchar(20)))),
                List.of(new OutputColumn("id", DataType.INT, false), new OutputColumn("s", sumType, true),
                        new OutputColumn("u", DataType.varchar(20), true)));
        List<List<Object>> rows = run(plan);
        assertEquals(list(1L, new BigDecimal("2.50"), "ANN"), rows.get(0));
        assertEquals(list(2L, null, "BOB"), rows.get(1));
        assertEquals(list(4L, new BigDecimal("2.00"), null), rows.get(3));
    }

    @Test
    void projectOfNullTypedExpressionsGivesNulls() {
        PhysicalNode plan = new PhysicalNode.Project(people(),
                List.of(lit(null, DataType.NULL), call(ScalarFunction.PLUS, DataType.BIGINT, ref(0, DataType.INT), lit(null, DataType.NULL)),
                        call(ScalarFunction.CONCAT, DataType.varchar(30), ref(1, DataType.varchar(20)), lit(null, DataType.NULL))),
                List.of(new OutputColumn("n", DataType.NULL, true), new OutputColumn("p", DataType.BIGINT, true),
                        new OutputColumn("c", DataType.varchar(30), true)));
        List<List<Object>> rows = run(plan);
        assertEquals(5, rows.size());
        assertEquals(list(null, null, null), rows.get(0));
    }
}
