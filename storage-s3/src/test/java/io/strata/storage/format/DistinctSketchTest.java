package io.strata.storage.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistinctSketchTest {
    private static DistinctSketch of(long from, long to) {
        DistinctSketch sketch = new DistinctSketch();
        for (long value = from; value < to; value++) {
            sketch.add(ValueHashes.mix(value));
        }
        return sketch;
    }

    private static void assertNear(double expected, double estimate, double tolerance) {
        assertTrue(Math.abs(estimate - expected) <= expected * tolerance,
                "estimate " + estimate + " is not within " + tolerance * 100 + "% of " + expected);
    }

    @Test
    void smallCountsAreAlmostExact() {
        assertEquals(0, new DistinctSketch().estimate());
        assertNear(1, of(0, 1).estimate(), 0.01);
        assertNear(25, of(0, 25).estimate(), 0.05);
        assertNear(500, of(0, 500).estimate(), 0.05);
    }

    @Test
    void largeCountsAreWithinAFewPercent() {
        assertNear(100_000, of(0, 100_000).estimate(), 0.08);
        assertNear(2_000_000, of(0, 2_000_000).estimate(), 0.08);
    }

    @Test
    void repeatedValuesCountOnce() {
        DistinctSketch sketch = of(0, 1000);
        for (int round = 0; round < 50; round++) {
            for (long value = 0; value < 1000; value++) {
                sketch.add(ValueHashes.mix(value));
            }
        }
        assertNear(1000, sketch.estimate(), 0.08);
    }

    @Test
    void mergedSketchesEstimateTheUnion() {
        DistinctSketch left = of(0, 60_000);
        DistinctSketch right = of(40_000, 100_000);
        left.merge(right);
        assertNear(100_000, left.estimate(), 0.08);
        assertEquals(of(0, 100_000), left, "merging equals sketching the union");
    }

    @Test
    void registersRoundTripAndAreChecked() {
        DistinctSketch sketch = of(0, 10_000);
        assertEquals(sketch, DistinctSketch.ofRegisters(sketch.registers()));
        assertThrows(IllegalArgumentException.class, () -> DistinctSketch.ofRegisters(new byte[3]));
        byte[] corrupt = new byte[DistinctSketch.REGISTERS];
        corrupt[7] = 99;
        assertThrows(IllegalArgumentException.class, () -> DistinctSketch.ofRegisters(corrupt));
    }
}
