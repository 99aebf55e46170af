package io.strata.sql.load;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * One row of a LOAD DATA file as {@link DelimitedRowReader} cut it: the fields' bytes, unescaped, one after
 * the other in one buffer, and which fields are NULL. Reused from row to row (no allocation per row once its
 * arrays are large enough).
 */
public final class FieldRow {
    /** A line longer than this is refused rather than buffered (MySQL's max_allowed_packet default). */
    static final int MAX_ROW_BYTES = 64 * 1024 * 1024;

    private byte[] data = new byte[1024];
    private int length;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] nulls = new boolean[16];
    private int count;

    public int fieldCount() { return count; }

    public boolean isNull(int field) {
        checkField(field);
        return nulls[field];
    }

    /** The field's text, decoded; null for a NULL field. */
    public String text(int field, Charset charset) {
        checkField(field);
        return nulls[field] ? null : new String(data, starts[field], ends[field] - starts[field], charset);
    }

    /** Appends field {@code field}'s bytes to {@code target}'s field {@code targetField}; returns how many. */
    int copyTo(int field, BatchFields target, int targetField) {
        int size = ends[field] - starts[field];
        target.append(targetField, data, starts[field], size);
        return size;
    }

    void clear() {
        length = 0;
        count = 0;
    }

    void startField() {
        if (count == starts.length) {
            int grown = count * 2;
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            nulls = Arrays.copyOf(nulls, grown);
        }
        starts[count] = length;
        ends[count] = length;
        nulls[count] = false;
        count++;
    }

    void append(int b) {
        if (length == data.length) {
            grow(length + 1);
        }
        data[length++] = (byte) b;
        ends[count - 1] = length;
    }

    void append(byte[] source, int from, int to) {
        int size = to - from;
        if (length + size > data.length) {
            grow(length + size);
        }
        System.arraycopy(source, from, data, length, size);
        length += size;
        ends[count - 1] = length;
    }

    /** Whether the current field's bytes, as read so far, are exactly {@code word} (ASCII). */
    boolean currentFieldIs(String word) {
        int start = starts[count - 1];
        if (length - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (data[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    int currentFieldLength() {
        return length - starts[count - 1];
    }

    void markCurrentNull() {
        nulls[count - 1] = true;
        length = starts[count - 1];
        ends[count - 1] = length;
    }

    private void grow(int needed) {
        if (needed > MAX_ROW_BYTES) {
            throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_NOT_SUPPORTED_YET,
                    "This version of Strata doesn't yet support 'LOAD DATA lines longer than " + MAX_ROW_BYTES + " bytes'");
        }
        data = Arrays.copyOf(data, Math.min(MAX_ROW_BYTES, Math.max(needed, data.length * 2)));
    }

    private void checkField(int field) {
        if (field < 0 || field >= count) {
            throw new IndexOutOfBoundsException("field " + field + " of " + count);
        }
    }
}
