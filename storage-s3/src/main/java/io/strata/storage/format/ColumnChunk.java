package io.strata.storage.format;

import java.util.Objects;

/**
 * Where one column of one block lies in a data object, with its zone map: {@code min}/{@code max} of
 * the non-null values (Java values as {@link io.strata.common.type.ArrowValues} returns them), null when
 * the column is not orderable or the block holds no non-null value. {@code length} bytes are stored at
 * {@code offset}, compressed with {@code codec}; they decode to {@code rawLength} bytes of Arrow IPC.
 */
public record ColumnChunk(long offset, int length, Object min, Object max, int nullCount, ChunkCodec codec,
                          int rawLength) {
    public ColumnChunk {
        Objects.requireNonNull(codec, "codec");
        if (offset < 0 || length < 0 || nullCount < 0 || rawLength < 0) {
            throw new IllegalArgumentException("bad column chunk: " + offset + "+" + length + " nulls " + nullCount
                    + " raw " + rawLength);
        }
        if (codec == ChunkCodec.NONE && rawLength != length) {
            throw new IllegalArgumentException("an uncompressed chunk of " + length + " bytes cannot decode to " + rawLength);
        }
    }

    /** An uncompressed chunk (format version 1). */
    public ColumnChunk(long offset, int length, Object min, Object max, int nullCount) {
        this(offset, length, min, max, nullCount, ChunkCodec.NONE, length);
    }
}
