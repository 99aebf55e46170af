package io.strata.compute.operator;

import io.strata.compute.expression.Column;
import io.strata.compute.expression.FieldTypes;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rough heap sizes of what operators build from Arrow data, for what they reserve from the statement's memory
 * ({@link QueryMemory}). Rough but not optimistic: object headers and references count, text as its bytes.
 */
final class HeapBytes {
    private HeapBytes() {}

    /** A small object (String, BigDecimal, boxed number, key) with its header, plus the reference to it. */
    static final long OBJECT = 32;
    /** A hash map's entry for one key: the node, its slot in the table (at 0.75 load), boxed values. */
    static final long MAP_ENTRY = 64;

    /** {@link Column#read} of the first {@code rows} rows of {@code vector}: a null flag and a value per row. */
    static long column(FieldVector vector, int rows) {
        Column.Representation representation = Column.representation(FieldTypes.sqlType(vector.getField()).kind());
        if (representation != Column.Representation.OBJECT) {
            return rows * 9L;
        }
        return rows * (9L + OBJECT + 16) + vector.getBufferSize();
    }

    /** {@link Column#read} of the given columns of {@code batch}. */
    static long columns(VectorSchemaRoot batch, int[] columns) {
        long bytes = 0;
        for (int column : columns) {
            bytes += column(batch.getVector(column), batch.getRowCount());
        }
        return bytes;
    }

    /** {@link Column#read} of every column of {@code batch}. */
    static long allColumns(VectorSchemaRoot batch) {
        long bytes = 0;
        for (FieldVector vector : batch.getFieldVectors()) {
            bytes += column(vector, batch.getRowCount());
        }
        return bytes;
    }

    /**
     * A key held in a hash set or map per distinct row of {@code width} values: the entry, the key object, its
     * array and the normalized values (the text of a string value counted at {@code textBytes} per value).
     */
    static long distinctKey(int width, long textBytes) {
        return MAP_ENTRY + OBJECT + 16 + width * (8 + OBJECT) + textBytes;
    }
}
