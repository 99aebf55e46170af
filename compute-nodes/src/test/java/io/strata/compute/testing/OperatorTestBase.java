package io.strata.compute.testing;

import io.strata.common.type.DataType;
import io.strata.compute.operator.ExecutionContext;
import io.strata.compute.operator.OperatorFactory;
import io.strata.compute.operator.OperatorRowCursor;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.catalog.ColumnDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fresh allocator per test, closed afterwards so that any leaked buffer fails the test. */
public abstract class OperatorTestBase {
    protected RootAllocator allocator;
    protected ExecutionContext context;
    protected final AtomicBoolean cancelled = new AtomicBoolean();

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator();
        context = new ExecutionContext(allocator, List.of(), LocalDateTime.of(2024, 5, 17, 10, 30, 15, 123456000), cancelled);
    }

    @AfterEach
    void closeAllocator() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    protected ExecutionContext contextWith(Object... parameters) {
        return new ExecutionContext(allocator, Arrays.asList(parameters), context.statementTime(), cancelled);
    }

    /** A scan over an in-memory table whose columns are (name, type) pairs, served two rows per batch. */
    protected PhysicalNode.Scan scan(List<ColumnDefinition> columns, List<Object[]> rows) {
        return scan(columns, rows, 2);
    }

    /** A scan over an in-memory table served {@code batchRows} rows per batch. */
    protected PhysicalNode.Scan scan(List<ColumnDefinition> columns, List<Object[]> rows, int batchRows) {
        TestTable table = new TestTable(allocator, columns, rows, batchRows);
        int[] indexes = new int[columns.size()];
        List<OutputColumn> output = new ArrayList<>();
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
            output.add(new OutputColumn(columns.get(i).name(), columns.get(i).type(), true));
        }
        return new PhysicalNode.Scan(table, indexes, false, output);
    }

    protected static ColumnDefinition col(String name, DataType type) {
        return TestTable.column(name, type);
    }

    protected static Object[] row(Object... values) {
        return values;
    }

    /** Runs the plan to the end and returns its rows as lists (nulls kept). */
    protected List<List<Object>> run(PhysicalNode plan) {
        return run(plan, context);
    }

    protected List<List<Object>> run(PhysicalNode plan, ExecutionContext executionContext) {
        List<List<Object>> rows = new ArrayList<>();
        try (OperatorRowCursor cursor = new OperatorRowCursor(OperatorFactory.create(plan, executionContext))) {
            while (cursor.hasNext()) {
                rows.add(Arrays.asList(cursor.next()));
            }
        }
        return rows;
    }

    protected static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }
}
