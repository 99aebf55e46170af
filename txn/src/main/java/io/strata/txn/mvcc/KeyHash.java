package io.strata.txn.mvcc;

import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * The 64-bit hash of a primary key that data objects keep in their key filters: XXH64 (seed 0) of a
 * canonical encoding of the normalized values, one tagged field per value. It depends only on what
 * {@link PrimaryKey#equals} compares (strings folded by the collation since object format 3), so a key read
 * from a vector and the same key given by a lookup hash alike. Stored in objects: never change the
 * encoding without a new filter version.
 */
final class KeyHash {
    private static final XXHash64 XXH64 = XXHashFactory.fastestJavaInstance().hash64();
    private static final long SEED = 0;

    private KeyHash() {}

    static long of(PrimaryKey key) {
        Encoder out = new Encoder();
        for (Object value : key.collated()) {
            encode(out, value);
        }
        return XXH64.hash(out.bytes, 0, out.length, SEED);
    }

    private static void encode(Encoder out, Object value) {
        switch (value) {
            case null -> out.tag(0);
            case Long l -> out.tag(1).putLong(l);
            case Double d -> out.tag(2).putLong(Double.doubleToLongBits(d));
            case Boolean b -> out.tag(3).putLong(b ? 1 : 0);
            case String s -> out.tag(4).putBytes(s.getBytes(StandardCharsets.UTF_8));
            case ByteBuffer bytes -> out.tag(5).putBytes(Arrays.copyOfRange(bytes.array(),
                    bytes.arrayOffset() + bytes.position(), bytes.arrayOffset() + bytes.limit()));
            case BigDecimal d -> out.tag(6).putLong(d.scale()).putBytes(d.unscaledValue().toByteArray());
            case LocalDate date -> out.tag(7).putLong(date.toEpochDay());
            case LocalTime time -> out.tag(8).putLong(time.toNanoOfDay());
            case LocalDateTime dateTime -> out.tag(9).putLong(dateTime.toLocalDate().toEpochDay())
                    .putLong(dateTime.toLocalTime().toNanoOfDay());
            default -> out.tag(10).putBytes((value.getClass().getName() + ":" + value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A growable byte buffer; keys are small, so this stays a few dozen bytes. */
    private static final class Encoder {
        private byte[] bytes = new byte[32];
        private int length;

        Encoder tag(int tag) {
            ensure(1);
            bytes[length++] = (byte) tag;
            return this;
        }

        Encoder putLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (value >>> shift);
            }
            return this;
        }

        Encoder putBytes(byte[] value) {
            putLong(value.length); // length-prefixed, so ("ab","c") and ("a","bc") differ
            ensure(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
            return this;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
