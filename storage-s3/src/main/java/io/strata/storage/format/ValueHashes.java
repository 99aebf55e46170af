package io.strata.storage.format;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * 64-bit hashes of a vector's non-null values, read from its buffers (no boxing), for
 * {@link DistinctSketch}. Equal stored values hash equally; strings hash as stored (case and accents kept),
 * which counts 'a' and 'A' apart where a case-insensitive comparison would not — close enough for
 * estimates.
 */
final class ValueHashes {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private ValueHashes() {}

    /** Whether values of this vector's kind can be hashed (fixed-width, bit and variable-width vectors). */
    static boolean hashable(FieldVector vector) {
        return vector instanceof BitVector || vector instanceof BaseFixedWidthVector
                || vector instanceof BaseVariableWidthVector;
    }

    /** Adds the hash of every non-null value of {@code vector} to {@code sketch}; the vector must be {@link #hashable}. */
    static void addAll(FieldVector vector, DistinctSketch sketch) {
        int rows = vector.getValueCount();
        if (vector instanceof BitVector bits) {
            for (int row = 0; row < rows; row++) {
                if (!bits.isNull(row)) {
                    sketch.add(mix(bits.get(row)));
                }
            }
        } else if (vector instanceof BaseFixedWidthVector fixed) {
            addFixedWidth(fixed, rows, sketch);
        } else if (vector instanceof BaseVariableWidthVector variable) {
            addVariableWidth(variable, rows, sketch);
        } else {
            throw new IllegalArgumentException("cannot hash values of " + vector.getField());
        }
    }

    private static void addFixedWidth(BaseFixedWidthVector vector, int rows, DistinctSketch sketch) {
        ArrowBuf data = vector.getDataBuffer();
        int width = vector.getTypeWidth();
        for (int row = 0; row < rows; row++) {
            if (vector.isNull(row)) {
                continue;
            }
            long at = (long) row * width;
            long hash = switch (width) {
                case 1 -> mix(data.getByte(at));
                case 2 -> mix(data.getShort(at));
                case 4 -> mix(data.getInt(at));
                case 8 -> mix(data.getLong(at));
                default -> bytesHash(data, at, width);
            };
            sketch.add(hash);
        }
    }

    private static void addVariableWidth(BaseVariableWidthVector vector, int rows, DistinctSketch sketch) {
        ArrowBuf data = vector.getDataBuffer();
        ArrowBuf offsets = vector.getOffsetBuffer();
        for (int row = 0; row < rows; row++) {
            if (vector.isNull(row)) {
                continue;
            }
            int start = offsets.getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH);
            int end = offsets.getInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
            sketch.add(bytesHash(data, start, end - start));
        }
    }

    /** A hash of {@code length} bytes at {@code at}: eight at a time, then the rest, then the length. */
    static long bytesHash(ArrowBuf data, long at, int length) {
        long hash = GOLDEN;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            hash = Long.rotateLeft((hash ^ data.getLong(at + i)) * GOLDEN, 29);
        }
        long tail = 0;
        for (; i < length; i++) {
            tail = (tail << 8) | (data.getByte(at + i) & 0xFF);
        }
        return mix(Long.rotateLeft((hash ^ tail) * GOLDEN, 29) ^ length);
    }

    /** SplitMix64's finalizer: every input bit changes about half of the output bits. */
    static long mix(long value) {
        long z = value + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
