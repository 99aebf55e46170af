package io.strata.compute.operator;

import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.ExpressionEvaluator;
import io.strata.compute.expression.JavaValueConverter;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.BatchReader;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds at most one row by primary key through the table's key index (point selects, and UPDATE or
 * DELETE by key), instead of scanning. The key expressions are evaluated once, then converted to the
 * key columns' types; a value that is NULL or does not convert finds nothing.
 */
final class KeyLookupOperator implements Operator {
    private final PhysicalNode.KeyLookup plan;
    private final ExecutionContext context;
    private BatchReader reader;
    private boolean done;

    KeyLookupOperator(PhysicalNode.KeyLookup plan, ExecutionContext context) {
        this.plan = plan;
        this.context = context;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        if (done) {
            return null;
        }
        Cancellation.check(context);
        if (reader == null) {
            List<Object> key = keyValues();
            if (key == null) {
                done = true;
                return null;
            }
            reader = plan.scan().table().lookup(plan.scan().columns(), plan.scan().withRowId(), key);
        }
        VectorSchemaRoot batch = reader.next();
        if (batch == null || batch.getRowCount() == 0) {
            done = true;
            return null;
        }
        return batch;
    }

    /** The key converted to the key columns' types, or null when no row can have it. */
    private List<Object> keyValues() {
        TableDefinition table = plan.scan().table().definition();
        ExpressionEvaluator evaluator = new ExpressionEvaluator(context);
        List<Object> key = new ArrayList<>(plan.key().size());
        for (int i = 0; i < plan.key().size(); i++) {
            Object value = evaluator.evaluateConstant(plan.key().get(i));
            if (value == null) {
                return null; // a key column is never NULL
            }
            DataType columnType = table.columns().get(table.primaryKey().get(i)).type();
            Object converted;
            try {
                converted = JavaValueConverter.convert(value, columnType);
            } catch (StrataException | ArithmeticException | IllegalArgumentException e) {
                return null; // e.g. 1e30 for an INT key: no row holds it, and the filter above decides the rest
            }
            if (converted == null) {
                return null;
            }
            key.add(converted);
        }
        return key;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
