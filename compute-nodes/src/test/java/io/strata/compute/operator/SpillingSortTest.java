package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import io.strata.compute.testing.OperatorTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sort larger than its memory limit spills sorted runs and merges them: same rows, same (stable) order. */
class SpillingSortTest extends OperatorTestBase {
    private static final int ROWS = 20_000;

    /** id in input order; name with repeats (ties), NULL every 11th row; score a double. */
    private PhysicalNode.Scan people() {
        List<Object[]> rows = IntStream.range(0, ROWS).mapToObj(id -> row((long) id,
                id % 11 == 0 ? null : "name" + (id * 7919 % 500), (id * 31 % 1000) / 7.0)).toList();
        return scan(List.of(col("id", DataType.BIGINT), col("name", DataType.varchar(12)), col("score", DataType.DOUBLE)),
                rows, 1000);
    }

    private static long runFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("strata-sort-")).count();
        }
    }

    @Test
    void aSortOverItsLimitSpillsAndMergesInTheSameOrder() throws IOException {
        List<SortKey> keys = List.of(new SortKey(1, true, false), new SortKey(2, false, true));
        List<List<Object>> inMemory = run(new PhysicalNode.Sort(people(), keys));
        long filesBefore = runFiles();
        ExecutionContext small = new ExecutionContext(allocator, List.of(), context.statementTime(), cancelled, 256 * 1024);
        List<List<Object>> spilled = new java.util.ArrayList<>();
        try (OperatorRowCursor cursor = new OperatorRowCursor(
                OperatorFactory.create(new PhysicalNode.Sort(people(), keys), small))) {
            while (cursor.hasNext()) {
                spilled.add(java.util.Arrays.asList(cursor.next()));
                if (spilled.size() == 1) {
                    assertTrue(runFiles() > filesBefore + 1, "the sort wrote several runs");
                }
            }
        }
        assertEquals(ROWS, spilled.size());
        assertEquals(inMemory, spilled, "merged runs keep the in-memory order, ties in input order");
        assertEquals(filesBefore, runFiles(), "the runs are deleted when the sort closes");
    }

    @Test
    void closingAMergeHalfwayDeletesItsRuns() throws IOException {
        long filesBefore = runFiles();
        ExecutionContext small = new ExecutionContext(allocator, List.of(), context.statementTime(), cancelled, 128 * 1024);
        List<List<Object>> first = run(new PhysicalNode.Limit(
                new PhysicalNode.Sort(people(), List.of(new SortKey(2, true, true))), 0, -1), small).subList(0, 3);
        assertEquals(3, first.size());
        try (Operator sort = OperatorFactory.create(new PhysicalNode.Sort(people(), List.of(new SortKey(0, true, true))), small)) {
            assertEquals((long) ROWS - 1, ((org.apache.arrow.vector.BigIntVector) sort.next().getVector(0)).get(0));
        }
        assertEquals(filesBefore, runFiles());
    }
}
