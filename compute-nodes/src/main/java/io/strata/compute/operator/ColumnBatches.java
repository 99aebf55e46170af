package io.strata.compute.operator;

import io.strata.compute.expression.Column;
import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/** Batches of computed columns, for operators that build their whole result first (aggregate, window, set operation). */
final class ColumnBatches {
    private ColumnBatches() {}

    /**
     * {@code vectors} (owned by the caller until this returns) followed by rows {@code [from, to)} of
     * {@code columns}, named after {@code names}, as one batch; on failure every vector is closed.
     */
    static VectorSchemaRoot batch(List<FieldVector> vectors, Column[] columns, List<OutputColumn> names, int from, int to,
                                  BufferAllocator allocator) {
        List<FieldVector> all = new ArrayList<>(vectors);
        try {
            for (int c = 0; c < columns.length; c++) {
                all.add(columns[c].write(names.get(c).name(), allocator, from, to));
            }
        } catch (RuntimeException e) {
            all.forEach(FieldVector::close);
            throw e;
        }
        List<Field> fields = new ArrayList<>(all.size());
        all.forEach(vector -> fields.add(vector.getField()));
        return new VectorSchemaRoot(fields, all, to - from);
    }
}
