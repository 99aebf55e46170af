package io.strata.compute.batch;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts whole vectors to another SQL type: {@link #cast} with CAST semantics, {@link #castForColumns}
 * with strict store semantics (INSERT ... SELECT, UPDATE), whose errors name the column and row.
 * Source vectors must carry their SQL type ({@link ArrowTypes#field}); results are new vectors the
 * caller closes, and sources are left untouched.
 */
public final class VectorCaster {
    private VectorCaster() {}

    /** The first {@code rowCount} values of {@code source} as {@code target}, CAST semantics, named {@code name}. */
    public static FieldVector cast(FieldVector source, int rowCount, DataType target, String name, BufferAllocator allocator) {
        Column converted = ColumnCaster.cast(Column.read(source, rowCount), target);
        return converted.write(name, allocator);
    }

    /**
     * {@code source}'s rows converted column by column to {@code targets} (same count) as stored in
     * strict mode; row {@code i} is reported as row {@code firstRowNumber + i}.
     */
    public static VectorSchemaRoot castForColumns(VectorSchemaRoot source, List<Field> targets, long firstRowNumber,
                                                  BufferAllocator allocator) {
        if (source.getFieldVectors().size() != targets.size()) {
            throw new IllegalArgumentException("batch has " + source.getFieldVectors().size() + " columns, targets "
                    + targets.size());
        }
        int rowCount = source.getRowCount();
        List<FieldVector> vectors = new ArrayList<>(targets.size());
        try {
            for (int c = 0; c < targets.size(); c++) {
                Field field = targets.get(c);
                DataType type = ArrowTypes.sqlType(field);
                Column converted = ColumnCaster.castForColumn(Column.read(source.getVector(c), rowCount), type,
                        field.getName(), firstRowNumber);
                if (!field.isNullable()) {
                    for (int r = 0; r < rowCount; r++) {
                        if (converted.isNull(r)) {
                            throw StrataException.of(ErrorCode.ER_BAD_NULL_ERROR, "Column '%s' cannot be null", field.getName());
                        }
                    }
                }
                vectors.add(converted.write(field, allocator, 0, rowCount));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(targets, vectors, rowCount);
    }
}
