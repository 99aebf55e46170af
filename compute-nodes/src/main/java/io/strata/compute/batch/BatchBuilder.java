package io.strata.compute.batch;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.JavaValueConverter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a batch from rows of Java values (INSERT ... VALUES), converting each value to its column's
 * type the way MySQL stores it in strict mode: {@code '12'} into INT is 12, {@code 1} into
 * DECIMAL(10,2) is 1.00, and an unconvertible value is an error naming the column and the 1-based
 * row ({@code Incorrect integer value: 'abc' for column 'c' at row 1}, 1366). NULL into a NOT NULL
 * field is {@link ErrorCode#ER_BAD_NULL_ERROR}.
 */
public final class BatchBuilder {
    private BatchBuilder() {}

    /**
     * A new batch (the caller closes it) of {@code fields}, made by {@link ArrowTypes#field}, holding
     * {@code rows}, each with one value per field.
     */
    public static VectorSchemaRoot build(BufferAllocator allocator, List<Field> fields, List<Object[]> rows) {
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < fields.size(); c++) {
                Field field = fields.get(c);
                DataType type = ArrowTypes.sqlType(field);
                Object[] values = new Object[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    Object[] row = rows.get(r);
                    if (row.length != fields.size()) {
                        throw new IllegalArgumentException("row " + (r + 1) + " has " + row.length + " values for "
                                + fields.size() + " columns");
                    }
                    values[r] = JavaValueConverter.convertForColumn(row[c], type, field.getName(), r + 1);
                    if (values[r] == null && !field.isNullable()) {
                        throw StrataException.of(ErrorCode.ER_BAD_NULL_ERROR, "Column '%s' cannot be null", field.getName());
                    }
                }
                vectors.add(Column.fromValues(type, values).write(field, allocator, 0, rows.size()));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, vectors, rows.size());
    }
}
