package io.strata.compute.expression;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.compute.batch.BatchBuilder;
import io.strata.compute.testing.OperatorTestBase;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;

/** Evaluates expressions over one-column batches; shared by the evaluator's tests. */
abstract class EvaluatorTestBase extends OperatorTestBase {
    protected static final DataType B = DataType.BOOLEAN;

    protected static final DataType S = DataType.varchar(50);

    protected static Expr lit(Object value, DataType type) {
        return new Expr.Literal(value, type);
    }

    protected static Expr call(ScalarFunction function, DataType type, Expr... arguments) {
        return new Expr.Call(function, List.of(arguments), type);
    }

    protected static Expr col(int index, DataType type) {
        return new Expr.ColumnRef(index, type);
    }

    /** Evaluates {@code expr} over a batch with one column of {@code type} holding {@code values}. */

    protected List<Object> eval(Expr expr, DataType type, Object... values) {
        List<Object[]> rows = new ArrayList<>();
        for (Object value : values) {
            rows.add(new Object[] {value});
        }
        ExpressionEvaluator evaluator = new ExpressionEvaluator(context);
        try (VectorSchemaRoot batch = BatchBuilder.build(allocator, List.of(ArrowTypes.field("x", type, true)), rows);
             FieldVector result = evaluator.evaluate(expr, batch, "r")) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                out.add(ArrowValues.get(result, i));
            }
            return out;
        }
    }

    protected Object constant(Expr expr) {
        return new ExpressionEvaluator(context).evaluateConstant(expr);
    }
}
