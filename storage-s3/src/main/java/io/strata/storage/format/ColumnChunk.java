package io.strata.storage.format;

/**
 * Where one column of one block lies in a data object, with its zone map: {@code min}/{@code max} of
 * the non-null values (Java values as {@link io.strata.common.type.ArrowValues} returns them), null when
 * the column is not orderable or the block holds no non-null value.
 */
public record ColumnChunk(long offset, int length, Object min, Object max, int nullCount) {
    public ColumnChunk {
        if (offset < 0 || length < 0 || nullCount < 0) {
            throw new IllegalArgumentException("bad column chunk: " + offset + "+" + length + " nulls " + nullCount);
        }
    }
}
