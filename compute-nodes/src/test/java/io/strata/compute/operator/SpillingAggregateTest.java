package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.plan.AggregateCall;
import io.strata.compute.plan.AggregateFunction;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.testing.OperatorTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An aggregate with more groups than its memory limit holds spills the rows of new keys to partitions
 * and aggregates them afterwards: the same groups and values as in memory.
 */
class SpillingAggregateTest extends OperatorTestBase {
    private static final int ROWS = 30_000;

    /** 6,000 number keys (and NULLs), text keys differing in case only every other time, amounts. */
    private PhysicalNode.Scan rows() {
        List<Object[]> rows = IntStream.range(0, ROWS).mapToObj(i -> row(
                i % 97 == 0 ? null : (long) (i * 7 % 6000),
                (i % 2 == 0 ? "Key" : "KEY") + (i * 13 % 5000),
                BigDecimal.valueOf(i % 1000, 2))).toList();
        return scan(List.of(col("n", DataType.BIGINT), col("s", DataType.varchar(12)), col("amount", DataType.decimal(8, 2))),
                rows, 500);
    }

    private PhysicalNode aggregateBy(int key) {
        PhysicalNode.Scan scan = rows();
        List<AggregateCall> calls = List.of(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, DataType.decimal(38, 2)),
                new AggregateCall(AggregateFunction.COUNT, new int[] {0}, true, DataType.BIGINT));
        List<OutputColumn> output = List.of(scan.output().get(key), new OutputColumn("c", DataType.BIGINT, false),
                new OutputColumn("total", DataType.decimal(38, 2), true), new OutputColumn("d", DataType.BIGINT, false));
        return new PhysicalNode.Aggregate(scan, new int[] {key}, calls, output);
    }

    private List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(row -> String.valueOf(row.get(0)).toLowerCase()));
        return copy;
    }

    private static long spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("strata-aggregate-")).count();
        }
    }

    @Test
    void groupsBeyondTheLimitAreAggregatedFromPartitions() throws IOException {
        long before = spillFiles();
        for (int key : new int[] {0, 1}) {
            List<List<Object>> inMemory = sorted(run(aggregateBy(key)));
            assertEquals(key == 0 ? 6001 : 5000, inMemory.size());
            List<DataType> types = aggregateBy(key).output().stream().map(OutputColumn::type).toList();
            for (long limit : new long[] {512 * 1024, 64 * 1024}) { // the smaller one partitions partitions again
                ExecutionContext small = new ExecutionContext(allocator, List.of(), context.statementTime(), cancelled, limit);
                try (Operator aggregate = OperatorFactory.create(aggregateBy(key), small)) {
                    List<List<Object>> spilled = new ArrayList<>();
                    boolean sawFiles = false;
                    org.apache.arrow.vector.VectorSchemaRoot batch;
                    while ((batch = aggregate.next()) != null) {
                        sawFiles = sawFiles || spillFiles() > before;
                        for (int row = 0; row < batch.getRowCount(); row++) {
                            List<Object> values = new ArrayList<>();
                            for (int c = 0; c < 4; c++) {
                                values.add(io.strata.common.type.ArrowValues.get(batch.getVector(c), row, types.get(c)));
                            }
                            spilled.add(values);
                        }
                    }
                    assertTrue(sawFiles, "key " + key + " under " + limit + " bytes spilled");
                    assertEquals(inMemory, sorted(spilled), "key " + key + " under " + limit + " bytes");
                }
                assertEquals(before, spillFiles(), "the partitions are deleted");
            }
        }
    }
}
