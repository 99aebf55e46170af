package io.strata.storage.format;

import java.util.Arrays;

/**
 * A HyperLogLog sketch of the distinct values of one column: 2^10 one-byte registers (about 3% standard
 * error), fed 64-bit hashes of the values ({@link ValueHashes}). Sketches of a column's objects merge into
 * the sketch of their union, so a table's distinct count is estimated from its objects' footers without
 * reading any data. The planner uses it for join and filter selectivities.
 */
public final class DistinctSketch {
    static final int INDEX_BITS = 10;
    public static final int REGISTERS = 1 << INDEX_BITS;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    private final byte[] registers;

    public DistinctSketch() {
        this(new byte[REGISTERS]);
    }

    private DistinctSketch(byte[] registers) {
        this.registers = registers;
    }

    /** A sketch over registers read back from a footer (copied). */
    public static DistinctSketch ofRegisters(byte[] registers) {
        if (registers.length != REGISTERS) {
            throw new IllegalArgumentException("a distinct sketch has " + REGISTERS + " registers, not " + registers.length);
        }
        for (byte register : registers) {
            if (register < 0 || register > Long.SIZE - INDEX_BITS + 1) {
                throw new IllegalArgumentException("register out of range: " + register);
            }
        }
        return new DistinctSketch(registers.clone());
    }

    /** Counts a value by its 64-bit hash (well mixed: every bit matters). */
    public void add(long hash) {
        int index = (int) (hash >>> (Long.SIZE - INDEX_BITS));
        // The run of zeros after the index bits, plus one; a sentinel bit bounds it for an all-zero rest.
        int rank = Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** Adds every value {@code other} counted: afterwards this sketches the union. */
    public void merge(DistinctSketch other) {
        for (int i = 0; i < REGISTERS; i++) {
            if (other.registers[i] > registers[i]) {
                registers[i] = other.registers[i];
            }
        }
    }

    /** The estimated number of distinct values added (with linear counting while registers are still empty). */
    public double estimate() {
        double sum = 0;
        int empty = 0;
        for (byte register : registers) {
            sum += Math.scalb(1.0, -register);
            if (register == 0) {
                empty++;
            }
        }
        double raw = ALPHA * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && empty > 0) {
            return REGISTERS * Math.log((double) REGISTERS / empty);
        }
        return raw;
    }

    /** A copy of the registers, for the footer. */
    public byte[] registers() {
        return registers.clone();
    }

    public DistinctSketch copy() {
        return new DistinctSketch(registers.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistinctSketch sketch && Arrays.equals(registers, sketch.registers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(registers);
    }
}
