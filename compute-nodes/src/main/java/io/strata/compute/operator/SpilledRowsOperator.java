package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;

/** Reads back the batches an operator spilled to one file, as the input of another operator. */
final class SpilledRowsOperator implements Operator {
    private final List<OutputColumn> output;
    private final SpillFiles.Reader reader;
    private final OutputBatch current = new OutputBatch();

    SpilledRowsOperator(List<OutputColumn> output, SpillFiles files, int file, List<Field> fields, BufferAllocator allocator) {
        this.output = output;
        this.reader = files.open(file, fields, allocator);
    }

    @Override
    public List<OutputColumn> output() {
        return output;
    }

    @Override
    public VectorSchemaRoot next() {
        current.close(); // before reading the next one: under a tight limit both need not fit at once
        return current.replace(reader.next());
    }

    @Override
    public void close() {
        current.close();
        reader.close();
    }
}
