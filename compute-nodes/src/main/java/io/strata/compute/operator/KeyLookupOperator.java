package io.strata.compute.operator;

import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
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
 * Finds at most one row by primary key or UNIQUE key through the table's index (point selects, and
 * UPDATE or DELETE by key), instead of scanning. The key expressions are evaluated once, then converted to the
 * key columns' types; a value that is NULL or does not convert finds nothing. A text key column given a
 * number (a parameter bound as an integer) scans instead: MySQL compares text with a number as numbers
 * ('05' = 5), which no key index lookup answers; the filter above the lookup keeps the matching rows.
 */
final class KeyLookupOperator implements Operator {
    private final PhysicalNode.KeyLookup plan;
    private final ExecutionContext context;
    private BatchReader reader;
    private ScanOperator scan; // instead of the lookup, see above
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
        if (reader == null && scan == null) {
            List<Object> values = evaluatedKey();
            if (values == null) {
                done = true;
                return null;
            }
            if (!answerableByKeyIndex(values)) {
                scan = new ScanOperator(plan.scan(), context);
            } else {
                List<Object> key = converted(values);
                if (key == null) {
                    done = true;
                    return null;
                }
                reader = plan.uniqueIndex() == null
                        ? plan.scan().table().lookup(plan.scan().columns(), plan.scan().withRowId(), key)
                        : plan.scan().table().lookupUnique(plan.uniqueIndex(), plan.scan().columns(), plan.scan().withRowId(), key);
            }
        }
        if (scan != null) {
            return scan.next();
        }
        VectorSchemaRoot batch = reader.next();
        if (batch == null || batch.getRowCount() == 0) {
            done = true;
            return null;
        }
        return batch;
    }

    /** The key expressions' values, or null when one is NULL (a key column never is). */
    private List<Object> evaluatedKey() {
        ExpressionEvaluator evaluator = new ExpressionEvaluator(context);
        List<Object> values = new ArrayList<>(plan.key().size());
        for (Expr expression : plan.key()) {
            Object value = evaluator.evaluateConstant(expression);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** False when a text key column is compared with a non-text value (see the class comment). */
    private boolean answerableByKeyIndex(List<Object> values) {
        TableDefinition table = plan.scan().table().definition();
        List<Integer> keyColumns = plan.keyColumns();
        for (int i = 0; i < values.size(); i++) {
            if (table.columns().get(keyColumns.get(i)).type().kind().isString() && !(values.get(i) instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** The key values converted to the key columns' types, or null when no row can have them. */
    private List<Object> converted(List<Object> values) {
        TableDefinition table = plan.scan().table().definition();
        List<Integer> keyColumns = plan.keyColumns();
        List<Object> key = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            DataType columnType = table.columns().get(keyColumns.get(i)).type();
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
        if (scan != null) {
            scan.close();
            scan = null;
        }
    }
}
