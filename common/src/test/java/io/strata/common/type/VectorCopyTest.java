package io.strata.common.type;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorCopyTest {
    private final BufferAllocator allocator = new RootAllocator();
    private final List<FieldVector> vectors = new ArrayList<>();

    @AfterEach
    void close() {
        vectors.forEach(FieldVector::close);
        allocator.close();
    }

    private <V extends FieldVector> V vector(Supplier<V> create) {
        V vector = create.get();
        vectors.add(vector);
        return vector;
    }

    private static List<Object> values(FieldVector vector) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < vector.getValueCount(); i++) {
            Object value = vector.getObject(i);
            values.add(value == null ? null : value.toString());
        }
        return values;
    }

    @Test
    void fixedWidthRowsWithNullsAndNegativePositions() {
        BigIntVector longs = vector(() -> new BigIntVector("l", allocator));
        IntVector ints = vector(() -> new IntVector("i", allocator));
        SmallIntVector shorts = vector(() -> new SmallIntVector("s", allocator));
        DecimalVector decimals = vector(() -> new DecimalVector("d", allocator, 15, 2));
        for (int i = 0; i < 10; i++) {
            if (i == 3) {
                longs.setNull(i);
                ints.setNull(i);
                shorts.setNull(i);
                decimals.setNull(i);
            } else {
                longs.setSafe(i, i * 1_000_000_000_000L);
                ints.setSafe(i, -i);
                shorts.setSafe(i, (short) (i * 7));
                decimals.setSafe(i, new BigDecimal(i + ".25"));
            }
        }
        for (FieldVector source : List.of(longs, ints, shorts, decimals)) {
            source.setValueCount(10);
            FieldVector target = vector(() -> source.getField().createVector(allocator));
            VectorCopy.gather(source, new int[] {9, 3, -1, 0, 9}, 5, target, 0);
            List<Object> expected = Arrays.asList(values(source).get(9), null, null, values(source).get(0), values(source).get(9));
            assertEquals(expected, values(target), source.getField().getName());
        }
    }

    @Test
    void appendingAfterRowsAlreadyThereGrowsTheTarget() {
        IntVector source = vector(() -> new IntVector("i", allocator));
        for (int i = 0; i < 5000; i++) {
            source.setSafe(i, i);
        }
        source.setValueCount(5000);
        IntVector target = vector(() -> new IntVector("i", allocator));
        VectorCopy.copyRange(source, 0, 3, target, 0);
        VectorCopy.copyRange(source, 100, 5000 - 100, target, 3);
        assertEquals(3 + 4900, target.getValueCount());
        assertEquals(2, target.get(2));
        assertEquals(100, target.get(3));
        assertEquals(4999, target.get(target.getValueCount() - 1));
        assertEquals(0, target.getNullCount(), "every appended row is valid, bits set byte-wise between the edges");
        target.setNull(5);
        VectorCopy.copyRange(source, 0, 10, target, 6); // starts mid-byte, over a NULL row's neighbour
        assertEquals(1, target.getNullCount());
        assertEquals(9, target.get(15));
    }

    @Test
    void variableWidthValuesKeepTheirBytesAndOffsets() {
        VarCharVector source = vector(() -> new VarCharVector("v", allocator));
        String[] text = {"", "a", null, "héllo wörld", "x".repeat(300)};
        for (int i = 0; i < text.length; i++) {
            if (text[i] == null) {
                source.setNull(i);
            } else {
                source.setSafe(i, text[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        source.setValueCount(text.length);
        VarCharVector target = vector(() -> new VarCharVector("v", allocator));
        VectorCopy.gather(source, new int[] {3, 2, -1, 0}, 4, target, 0);
        VectorCopy.gather(source, new int[] {4, 1, 4, 4, 4, 4, 4, 4}, 8, target, 4);
        List<Object> expected = new ArrayList<>(Arrays.asList(text[3], null, null, ""));
        expected.addAll(List.of(text[4], "a", text[4], text[4], text[4], text[4], text[4], text[4]));
        assertEquals(expected, values(target));
    }

    @Test
    void bitsGoThroughArrowsOwnCopy() {
        BitVector source = vector(() -> new BitVector("b", allocator));
        source.setSafe(0, 1);
        source.setNull(1);
        source.setSafe(2, 0);
        source.setValueCount(3);
        BitVector target = vector(() -> new BitVector("b", allocator));
        VectorCopy.gather(source, new int[] {2, 1, 0, -1}, 4, target, 0);
        assertEquals(Arrays.asList("false", null, "true", null), values(target));
    }

    @Test
    void aPositionPastTheSourceIsRefusedBeforeAnyRead() {
        IntVector source = vector(() -> new IntVector("i", allocator));
        source.allocateNew(2);
        source.setValueCount(2);
        IntVector target = vector(() -> new IntVector("i", allocator));
        assertThrows(IndexOutOfBoundsException.class, () -> VectorCopy.gather(source, new int[] {0, 2}, 2, target, 0));
    }
}
