package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.testing.OperatorTestBase;

import java.math.BigDecimal;
import java.util.List;

/** A small people table and expression shorthands shared by the operator tests. */
abstract class PeopleTableTestBase extends OperatorTestBase {
    protected PhysicalNode.Scan people() {
        return scan(List.of(col("id", DataType.INT), col("name", DataType.varchar(20)), col("score", DataType.decimal(5, 2))),
                List.of(row(1L, "ann", new BigDecimal("1.50")), row(2L, "Bob", null), row(3L, "cid", new BigDecimal("3.25")),
                        row(4L, null, new BigDecimal("-2.00")), row(5L, "bob", new BigDecimal("0.00"))));
    }

    protected static Expr.ColumnRef ref(int index, DataType type) {
        return new Expr.ColumnRef(index, type);
    }

    protected static Expr.Literal lit(Object value, DataType type) {
        return new Expr.Literal(value, type);
    }

    protected static Expr.Call call(ScalarFunction function, DataType type, Expr... arguments) {
        return new Expr.Call(function, List.of(arguments), type);
    }
}
