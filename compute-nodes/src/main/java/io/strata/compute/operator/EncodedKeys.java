package io.strata.compute.operator;

import io.strata.common.type.StringCollation;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The hash keys of a batch's rows, each encoded as a run of bytes in one array so that keys SQL calls
 * equal encode to equal bytes, with no object per row. Normalized as {@link RowKey} normalizes: numbers
 * of any type by value (1 = 1.0 = 1.00 encode alike), strings folded under the collation (ASCII text
 * lower-cased byte by byte straight from the column's UTF-8), DATE as the DATETIME of its midnight.
 * Each part is a tag byte and its value, so parts cannot run into each other.
 */
final class EncodedKeys {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte NULL = 0;
    private static final byte INTEGER = 1;      // 8 bytes
    private static final byte FRACTION = 2;     // unscaled 8 bytes, then the scale (1..18) as a byte
    private static final byte OTHER_NUMBER = 3; // length, then text (a decimal beyond a long, or a non-finite double)
    private static final byte STRING = 4;       // length, then folded UTF-8
    private static final byte BINARY = 5;       // length, then bytes

    private final int count;
    private byte[] bytes;
    private final int[] starts;
    private final int[] hashes;
    private final boolean[] unmatchable;
    private int end;

    private EncodedKeys(int count, int expectedBytes) {
        this.count = count;
        this.bytes = new byte[Math.max(16, expectedBytes)];
        this.starts = new int[count + 1];
        this.hashes = new int[count];
        this.unmatchable = new boolean[count];
    }

    /**
     * Encodes the keys of {@code count} rows whose parts are {@code parts}. With {@code nullSafe} null,
     * NULL is a value like any other (GROUP BY); otherwise a row with a NULL in a part that is not
     * null-safe is marked {@link #unmatchable} (a join's {@code =} never matches NULL).
     */
    static EncodedKeys of(Column[] parts, boolean[] nullSafe, int count) {
        EncodedKeys keys = new EncodedKeys(count, count * (parts.length * 9 + 8));
        Object[][] objects = new Object[parts.length][];
        long[][] longs = new long[parts.length][];
        for (int p = 0; p < parts.length; p++) {
            Column part = parts[p];
            if (part.representation() == Column.Representation.LONG) {
                longs[p] = part.longs();
            } else if (part.unscaled() == null && part.utf8() == null && part.representation() == Column.Representation.OBJECT) {
                objects[p] = part.objects();
            }
        }
        for (int row = 0; row < count; row++) {
            keys.starts[row] = keys.end;
            for (int p = 0; p < parts.length; p++) {
                Column part = parts[p];
                if (part.isNull(row)) {
                    keys.unmatchable[row] |= nullSafe != null && !nullSafe[p];
                    keys.put(NULL);
                } else if (longs[p] != null) {
                    long value = longs[p][row];
                    keys.putInteger(part.type().kind() == TypeKind.DATE ? value * MICROS_PER_DAY : value);
                } else {
                    keys.putValue(part, objects[p], row);
                }
            }
            keys.hashes[row] = hash(keys.bytes, keys.starts[row], keys.end);
        }
        keys.starts[count] = keys.end;
        return keys;
    }

    int count() { return count; }

    byte[] bytes() { return bytes; }

    int start(int row) { return starts[row]; }

    int end(int row) { return starts[row + 1]; }

    int hash(int row) { return hashes[row]; }

    int[] hashes() { return hashes; }

    /** Whether the row's key has a NULL where NULL matches nothing. */
    boolean unmatchable(int row) { return unmatchable[row]; }

    private void putValue(Column part, Object[] objects, int row) {
        if (part.unscaled() != null) {
            putScaled(part.unscaled()[row], part.type().scale());
            return;
        }
        if (part.utf8() != null) {
            putUtf8(part.utf8(), part.utf8Starts()[row], part.utf8Starts()[row + 1]);
            return;
        }
        switch (part.type().kind()) {
            case FLOAT, DOUBLE -> putDouble(part.doubles()[row]);
            case DECIMAL -> putDecimal((BigDecimal) objects[row]);
            case VARCHAR, CHAR, TEXT, JSON -> putText(STRING, StringCollation.fold((String) objects[row]));
            case VARBINARY, BLOB -> putBytes(BINARY, (byte[]) objects[row]);
            case VECF32 -> putText(BINARY, Arrays.toString((float[]) objects[row]));
            case VECF64 -> putText(BINARY, Arrays.toString((double[]) objects[row]));
            default -> throw new IllegalStateException("no hash key encoding for " + part.type());
        }
    }

    private void putDouble(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 9.0e18) {
            putInteger((long) value); // also folds -0.0 into 0
        } else if (Double.isFinite(value)) {
            putDecimal(new BigDecimal(Double.toString(value)));
        } else {
            putText(OTHER_NUMBER, Double.toString(value));
        }
    }

    private void putDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
            putInteger(stripped.longValueExact());
        } else if (stripped.scale() > 0 && stripped.scale() <= 18 && stripped.precision() <= 18) {
            putFraction(stripped.unscaledValue().longValueExact(), stripped.scale());
        } else {
            putText(OTHER_NUMBER, stripped.toString());
        }
    }

    /** unscaled / 10^scale, with the trailing zeros of its fraction dropped (1.50 as 15 / 10^1). */
    private void putScaled(long unscaled, int scale) {
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (scale == 0) {
            putInteger(unscaled);
        } else {
            putFraction(unscaled, scale);
        }
    }

    private void putInteger(long value) {
        ensure(9);
        bytes[end] = INTEGER;
        LONGS.set(bytes, end + 1, value);
        end += 9;
    }

    private void putFraction(long unscaled, int scale) {
        ensure(10);
        bytes[end] = FRACTION;
        LONGS.set(bytes, end + 1, unscaled);
        bytes[end + 9] = (byte) scale;
        end += 10;
    }

    /** A string's folded key from its UTF-8: ASCII is lower-cased byte by byte, anything else folds as a String. */
    private void putUtf8(byte[] utf8, int from, int to) {
        for (int i = from; i < to; i++) {
            if (utf8[i] < 0) {
                putText(STRING, StringCollation.fold(new String(utf8, from, to - from, StandardCharsets.UTF_8)));
                return;
            }
        }
        int length = to - from;
        putHeader(STRING, length);
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            bytes[end++] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
        }
    }

    private void putText(byte tag, String text) {
        putBytes(tag, text.getBytes(StandardCharsets.UTF_8));
    }

    private void putBytes(byte tag, byte[] value) {
        putHeader(tag, value.length);
        System.arraycopy(value, 0, bytes, end, value.length);
        end += value.length;
    }

    /** The tag and a 4-byte length, with room for that many bytes after them. */
    private void putHeader(byte tag, int length) {
        ensure(5 + length);
        bytes[end] = tag;
        bytes[end + 1] = (byte) length;
        bytes[end + 2] = (byte) (length >>> 8);
        bytes[end + 3] = (byte) (length >>> 16);
        bytes[end + 4] = (byte) (length >>> 24);
        end += 5;
    }

    private void put(byte tag) {
        ensure(1);
        bytes[end++] = tag;
    }

    private void ensure(int more) {
        if (end + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + more));
        }
    }

    /** A well-mixed hash of {@code bytes[from, to)}: 8 bytes at a time, then the tail, then a finalizer. */
    static int hash(byte[] bytes, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(bytes, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = (h ^ tail) * 0x94D049BB133111EBL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h;
    }
}
