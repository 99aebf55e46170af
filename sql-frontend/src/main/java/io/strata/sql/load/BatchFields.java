package io.strata.sql.load;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The fields of a batch's rows as bytes, one growing buffer per field position: a column is decoded from
 * them only when the batch is built, straight into numbers and dates where it can be ({@link FieldParsers}),
 * so that most fields never become a String. Per row and field: where its bytes are, whether it is NULL,
 * whether the row lacked it.
 */
final class BatchFields {
    private final int rowCapacity;
    private final byte[][] data;
    private final int[] length;
    private final int[][] starts;
    private final int[][] ends;
    private final boolean[][] nulls;
    private final boolean[][] missing;

    BatchFields(int fieldCount, int rowCapacity) {
        this.rowCapacity = rowCapacity;
        this.data = new byte[fieldCount][4096];
        this.length = new int[fieldCount];
        this.starts = new int[fieldCount][rowCapacity];
        this.ends = new int[fieldCount][rowCapacity];
        this.nulls = new boolean[fieldCount][rowCapacity];
        this.missing = new boolean[fieldCount][rowCapacity];
    }

    int fieldCount() { return data.length; }

    /** Copies the row's fields in as row {@code row} of the batch (fields beyond its count are missing). */
    void set(int row, FieldRow fields) {
        assert row < rowCapacity : "row " + row + " beyond the batch's " + rowCapacity;
        for (int field = 0; field < data.length; field++) {
            boolean present = field < fields.fieldCount();
            missing[field][row] = !present;
            nulls[field][row] = !present || fields.isNull(field);
            int size = present ? fields.copyTo(field, this, field) : 0;
            ends[field][row] = length[field];
            starts[field][row] = length[field] - size;
        }
    }

    /** Appends bytes to field {@code field}'s buffer (for {@link FieldRow#copyTo}). */
    void append(int field, byte[] source, int from, int size) {
        byte[] buffer = data[field];
        if (length[field] + size > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length[field] + size, buffer.length * 2));
            data[field] = buffer;
        }
        System.arraycopy(source, from, buffer, length[field], size);
        length[field] += size;
    }

    /** Forgets the batch's bytes (the arrays stay for the next batch). */
    void clear() {
        Arrays.fill(length, 0);
    }

    boolean isNull(int field, int row) { return nulls[field][row]; }

    boolean isMissing(int field, int row) { return missing[field][row]; }

    byte[] bytes(int field) { return data[field]; }

    int start(int field, int row) { return starts[field][row]; }

    int end(int field, int row) { return ends[field][row]; }

    /** The field's text, or null for NULL or missing. */
    String text(int field, int row, Charset charset) {
        if (nulls[field][row]) {
            return null;
        }
        return new String(data[field], starts[field][row], ends[field][row] - starts[field][row], charset);
    }
}
