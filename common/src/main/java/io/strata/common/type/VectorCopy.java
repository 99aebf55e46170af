package io.strata.common.type;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies chosen rows of one vector into another of the same type, value by value through the
 * buffers' memory: fixed-width values as words, variable-width values as
 * byte ranges with their offsets, validity bit by bit. Arrow's {@code copyFromSafe} does the same one
 * row per call, checking capacity and bounds each time; batches of rows spent most of a scan, filter
 * or join there. Other vectors (bits, lists) go through {@code copyFromSafe}.
 */
public final class VectorCopy {
    private VectorCopy() {}

    /**
     * Writes {@code source}'s rows {@code positions[0..count)} (a negative position writes NULL) into
     * {@code target}'s rows {@code [at, at + count)}, growing it as needed, and sets its value count to
     * {@code at + count}. {@code target} is of {@code source}'s type and holds {@code at} rows already.
     */
    public static void gather(FieldVector source, int[] positions, int count, FieldVector target, int at) {
        if (source.getClass() == target.getClass() && !(source instanceof BitVector)) {
            if (source instanceof BaseFixedWidthVector from && target instanceof BaseFixedWidthVector to) {
                gatherFixed(from, positions, count, to, at);
                return;
            }
            if (source instanceof BaseVariableWidthVector from && target instanceof BaseVariableWidthVector to) {
                gatherVariable(from, positions, count, to, at);
                return;
            }
        }
        if (at == 0) {
            target.setInitialCapacity(Math.max(count, 1));
            target.allocateNew();
        }
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (row < 0) {
                target.setNull(at + i);
            } else {
                target.copyFromSafe(row, at + i, source);
            }
        }
        target.setValueCount(at + count);
    }

    /** {@link #gather} of {@code source}'s rows {@code [from, from + count)}. */
    public static void copyRange(FieldVector source, int from, int count, FieldVector target, int at) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = from + i;
        }
        gather(source, positions, count, target, at);
    }

    private static void gatherFixed(BaseFixedWidthVector source, int[] positions, int count,
                                    BaseFixedWidthVector target, int at) {
        int needed = at + count;
        if (at == 0) {
            target.allocateNew(Math.max(needed, 1));
        } else {
            while (target.getValueCapacity() < needed) {
                target.reAlloc();
            }
        }
        checkPositions(positions, count, source.getValueCount());
        int width = source.getTypeWidth();
        long from = source.getDataBuffer().memoryAddress();
        long to = target.getDataBuffer().memoryAddress() + (long) at * width;
        switch (width) {
            case 8 -> {
                for (int i = 0; i < count; i++) {
                    int row = positions[i];
                    MemoryUtil.putLong(to + (long) i * 8, row < 0 ? 0 : MemoryUtil.getLong(from + (long) row * 8));
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    int row = positions[i];
                    MemoryUtil.putInt(to + (long) i * 4, row < 0 ? 0 : MemoryUtil.getInt(from + (long) row * 4));
                }
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    int row = positions[i];
                    MemoryUtil.putShort(to + (long) i * 2, row < 0 ? 0 : MemoryUtil.getShort(from + (long) row * 2));
                }
            }
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    int row = positions[i];
                    MemoryUtil.putByte(to + i, row < 0 ? 0 : MemoryUtil.getByte(from + row));
                }
            }
            case 16 -> {
                for (int i = 0; i < count; i++) {
                    int row = positions[i];
                    long address = to + (long) i * 16;
                    MemoryUtil.putLong(address, row < 0 ? 0 : MemoryUtil.getLong(from + (long) row * 16));
                    MemoryUtil.putLong(address + 8, row < 0 ? 0 : MemoryUtil.getLong(from + (long) row * 16 + 8));
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    int row = positions[i];
                    long address = to + (long) i * width;
                    if (row < 0) {
                        MemoryUtil.setMemory(address, width, (byte) 0);
                    } else {
                        MemoryUtil.copyMemory(from + (long) row * width, address, width);
                    }
                }
            }
        }
        copyValidity(source, positions, count, target, at);
        target.setValueCount(needed);
    }

    private static void gatherVariable(BaseVariableWidthVector source, int[] positions, int count,
                                       BaseVariableWidthVector target, int at) {
        checkPositions(positions, count, source.getValueCount());
        long fromOffsets = source.getOffsetBuffer().memoryAddress();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (row >= 0) {
                long offset = fromOffsets + (long) row * 4;
                bytes += MemoryUtil.getInt(offset + 4) - MemoryUtil.getInt(offset);
            }
        }
        int needed = at + count;
        long end;
        if (at == 0) {
            target.allocateNew(Math.max(bytes, 1), Math.max(needed, 1));
            end = 0;
        } else {
            target.setValueCount(at); // offsets written up to row at - 1, holes filled
            while (target.getValueCapacity() < needed) {
                target.reallocValidityAndOffsetBuffers();
            }
            end = target.getOffsetBuffer().getInt((long) at * 4);
            if (target.getDataBuffer().capacity() < end + bytes) {
                target.reallocDataBuffer(end + bytes);
            }
        }
        long fromData = source.getDataBuffer().memoryAddress();
        long toOffsets = target.getOffsetBuffer().memoryAddress();
        long toData = target.getDataBuffer().memoryAddress();
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (row >= 0) {
                long offset = fromOffsets + (long) row * 4;
                int start = MemoryUtil.getInt(offset);
                int length = MemoryUtil.getInt(offset + 4) - start;
                MemoryUtil.copyMemory(fromData + start, toData + end, length);
                end += length;
            }
            MemoryUtil.putInt(toOffsets + (long) (at + i + 1) * 4, (int) end);
        }
        copyValidity(source, positions, count, target, at);
        target.setLastSet(needed - 1);
        target.setValueCount(needed);
    }

    /** Validity bits of {@code target}'s rows {@code [at, at + count)} from the source rows (negative: NULL). */
    private static void copyValidity(FieldVector source, int[] positions, int count, FieldVector target, int at) {
        ArrowBuf targetValidity = target.getValidityBuffer();
        long to = targetValidity.memoryAddress();
        if (source.getNullCount() == 0 && !hasNegative(positions, count)) {
            setBits(to, at, at + count);
            return;
        }
        long from = source.getValidityBuffer().memoryAddress();
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            boolean valid = row >= 0 && (MemoryUtil.getByte(from + (row >>> 3)) & (1 << (row & 7))) != 0;
            setBit(to, at + i, valid);
        }
    }

    /** Sets bits {@code [from, to)}: single bits up to a byte boundary, whole bytes between. */
    private static void setBits(long validity, int from, int to) {
        int i = from;
        for (; i < to && (i & 7) != 0; i++) {
            setBit(validity, i, true);
        }
        int wholeBytes = (to - i) >>> 3;
        if (wholeBytes > 0) {
            MemoryUtil.setMemory(validity + (i >>> 3), wholeBytes, (byte) 0xFF);
            i += wholeBytes << 3;
        }
        for (; i < to; i++) {
            setBit(validity, i, true);
        }
    }

    private static void setBit(long validity, int index, boolean valid) {
        long address = validity + (index >>> 3);
        byte bits = MemoryUtil.getByte(address);
        int mask = 1 << (index & 7);
        MemoryUtil.putByte(address, (byte) (valid ? bits | mask : bits & ~mask));
    }

    private static boolean hasNegative(int[] positions, int count) {
        for (int i = 0; i < count; i++) {
            if (positions[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads go straight to memory: every position must lie inside the source. */
    private static void checkPositions(int[] positions, int count, int valueCount) {
        if (count > positions.length) {
            throw new IndexOutOfBoundsException(count + " positions wanted, " + positions.length + " given");
        }
        for (int i = 0; i < count; i++) {
            if (positions[i] >= valueCount) {
                throw new IndexOutOfBoundsException("row " + positions[i] + " of a vector of " + valueCount);
            }
        }
    }
}
