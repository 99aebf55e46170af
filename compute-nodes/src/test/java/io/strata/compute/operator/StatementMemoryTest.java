package io.strata.compute.operator;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.AggregateCall;
import io.strata.compute.plan.AggregateFunction;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import io.strata.compute.plan.WindowFunction;
import io.strata.compute.plan.WindowGroup;
import io.strata.compute.testing.OperatorTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators under a statement's memory (a real {@link QueryMemory}: a child allocator with the limit, heap
 * reservations, spill files in a directory of their own): over the limit they spill and answer as in memory,
 * or, where nothing can be spilled, fail with 1041 naming the operator; either way no spill file and no
 * Arrow buffer is left (the base class fails a test that leaks one).
 */
class StatementMemoryTest extends OperatorTestBase {
    private static final long LIMIT = 1 << 20;

    @TempDir
    Path spillDirectory;

    /** id 0..rows-1, k = id % 500, s a text of about 12 characters repeating every 5,000 ids. */
    private PhysicalNode.Scan people(int rows) {
        List<Object[]> values = IntStream.range(0, rows).mapToObj(id -> row((long) id, (long) (id % 500),
                "text-" + (id * 7919 % 5000) + "-" + (id % 3))).toList();
        return scan(List.of(col("id", DataType.BIGINT), col("k", DataType.BIGINT), col("s", DataType.varchar(24))),
                values, 1000);
    }

    /** The rows of {@code plan} under a statement memory of {@code limitBytes}; also how many spill files it made. */
    private Result runUnder(PhysicalNode plan, long limitBytes) throws IOException {
        long filesBefore = QueryMemory.spillFilesCreated();
        QueryMemory memory = QueryMemory.open(allocator, limitBytes, spillDirectory);
        ExecutionContext limited = new ExecutionContext(memory, List.of(), context.statementTime(), cancelled,
                WarningSink.NONE, java.time.ZoneId.systemDefault());
        List<List<Object>> rows = new ArrayList<>();
        Operator operator;
        try {
            operator = OperatorFactory.create(plan, limited);
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
        try (OperatorRowCursor cursor = new OperatorRowCursor(operator, memory)) {
            while (cursor.hasNext()) {
                rows.add(Arrays.asList(cursor.next()));
            }
        } finally {
            assertEquals(0, filesIn(spillDirectory), "the statement's spill files are deleted when it ends");
        }
        return new Result(rows, QueryMemory.spillFilesCreated() - filesBefore);
    }

    private record Result(List<List<Object>> rows, long spillFiles) {}

    private static long filesIn(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(List::toString));
        return copy;
    }

    private void assertSpillsAndAnswersAsInMemory(PhysicalNode plan, String what) throws IOException {
        List<List<Object>> inMemory = sorted(run(plan));
        Result limited = runUnder(plan, LIMIT);
        assertTrue(limited.spillFiles() > 0, what + " spilled under " + LIMIT + " bytes");
        assertEquals(inMemory, sorted(limited.rows()), what);
    }

    private StrataException assertFailsOverTheLimit(PhysicalNode plan, String operator) {
        StrataException error = assertThrows(StrataException.class, () -> runUnder(plan, LIMIT));
        assertEquals(ErrorCode.ER_OUT_OF_RESOURCES, error.code(), error.getMessage());
        assertTrue(error.getMessage().contains("the " + operator + " needs more than the statement's memory limit of "
                + LIMIT + " bytes"), error.getMessage());
        assertTrue(error.getMessage().contains("SET strata_query_memory_limit = "), error.getMessage());
        return error;
    }

    private static Expr column(int index, DataType type) {
        return new Expr.ColumnRef(index, type);
    }

    private static Expr call(ScalarFunction function, DataType type, Expr... arguments) {
        return new Expr.Call(function, List.of(arguments), type);
    }

    private PhysicalNode.Window window(PhysicalNode input, int[] partitionKeys) {
        WindowGroup group = new WindowGroup(partitionKeys, List.of(new SortKey(0, false, true)), true,
                FrameBound.of(FrameBound.Kind.UNBOUNDED_PRECEDING), FrameBound.of(FrameBound.Kind.CURRENT_ROW),
                List.of(new WindowGroup.Call(WindowFunction.ROW_NUMBER, List.of(), DataType.BIGINT),
                        new WindowGroup.Call(WindowFunction.SUM, List.of(column(0, DataType.BIGINT)), DataType.decimal(38, 0))));
        List<OutputColumn> output = new ArrayList<>(input.output());
        output.add(new OutputColumn("rn", DataType.BIGINT, false));
        output.add(new OutputColumn("running", DataType.decimal(38, 0), true));
        return new PhysicalNode.Window(input, List.of(group), output);
    }

    @Test
    void aWindowOverTheLimitSpillsByPartitionKeyAndAnswersAsInMemory() throws IOException {
        assertSpillsAndAnswersAsInMemory(window(people(20_000), new int[] {1}), "PARTITION BY k");
    }

    @Test
    void aWindowWithoutPartitionKeysOverTheLimitFailsWith1041() {
        assertFailsOverTheLimit(window(people(30_000), new int[0]), "window");
    }

    private static Expr mod(Expr value, long divisor) {
        return call(ScalarFunction.MOD, DataType.BIGINT, value, new Expr.Literal(divisor, DataType.BIGINT));
    }

    /**
     * 100 left rows joined to 7,200 right rows (about 800 KB) on {@code left.id % 50 = right.id % 100}, which
     * gives the join no key to hash: left rows with id % 50 in 40..49 match nothing (the right side has no
     * id % 100 there), right rows with id % 100 from 50 on match nothing either.
     */
    private PhysicalNode.Join keylessJoin(JoinType type) {
        PhysicalNode.Scan left = people(100);
        Expr id = column(0, DataType.BIGINT);
        PhysicalNode right = new PhysicalNode.Filter(people(8_000), call(ScalarFunction.OR, DataType.BOOLEAN,
                call(ScalarFunction.LESS_THAN, DataType.BOOLEAN, mod(id, 100), new Expr.Literal(40L, DataType.BIGINT)),
                call(ScalarFunction.GREATER_THAN_OR_EQUAL, DataType.BOOLEAN, mod(id, 100),
                        new Expr.Literal(50L, DataType.BIGINT))));
        Expr residual = call(ScalarFunction.EQUALS, DataType.BOOLEAN, mod(id, 50), mod(column(3, DataType.BIGINT), 100));
        List<OutputColumn> output = new ArrayList<>(left.output());
        if (type != JoinType.SEMI && type != JoinType.ANTI) {
            output.addAll(right.output());
        }
        return new PhysicalNode.Join(left, right, type, new int[0], new int[0], residual, output);
    }

    @Test
    void aJoinWithoutKeysOverTheLimitJoinsBlockByBlockForEveryJoinType() throws IOException {
        for (JoinType type : JoinType.values()) {
            assertSpillsAndAnswersAsInMemory(keylessJoin(type), type + " join without keys");
        }
    }

    @Test
    void aJoinWhoseKeysCannotSplitItsBuildSideJoinsBlockByBlock() throws IOException {
        // every build row has k = 7: partitions by key never split it, so the last level goes block by block
        PhysicalNode.Scan left = people(2_000);
        PhysicalNode.Scan rightRows = people(12_000);
        PhysicalNode right = new PhysicalNode.Project(rightRows, List.of(column(0, DataType.BIGINT),
                new Expr.Literal(7L, DataType.BIGINT), column(2, DataType.varchar(24))), rightRows.output());
        List<OutputColumn> output = new ArrayList<>(left.output());
        output.addAll(right.output());
        PhysicalNode join = new PhysicalNode.Join(left, right, JoinType.LEFT, new int[] {1}, new int[] {1},
                call(ScalarFunction.LESS_THAN, DataType.BOOLEAN, column(0, DataType.BIGINT), column(3, DataType.BIGINT)),
                output);
        assertSpillsAndAnswersAsInMemory(join, "a skewed key");
    }

    /** COUNT(*) and SUM(right.id) of {@code left JOIN right USING (id)} over a gather of 3 workers. */
    private PhysicalNode parallelJoin(int leftRows, int rightRows) {
        PhysicalNode.Scan left = people(leftRows);
        PhysicalNode.Scan right = people(rightRows);
        List<OutputColumn> output = new ArrayList<>(left.output());
        output.addAll(right.output());
        PhysicalNode join = new PhysicalNode.Join(left, right, JoinType.INNER, new int[] {0}, new int[] {0}, null, output);
        return new PhysicalNode.Aggregate(new PhysicalNode.Gather(join, 3), new int[0],
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, DataType.BIGINT),
                        new AggregateCall(AggregateFunction.SUM, new int[] {3}, false, DataType.decimal(38, 0))),
                List.of(new OutputColumn("n", DataType.BIGINT, false), new OutputColumn("total", DataType.decimal(38, 0), true)));
    }

    @Test
    void parallelWorkersJoinOnTheirOwnWhenTheBuildIsTooLargeToShare() throws IOException {
        // 80,000 build rows take about 8 MB with their table, more than half of 12 MiB: not shared, and each of
        // the 3 workers (4 MiB each) partitions its own
        PhysicalNode count = parallelJoin(4_000, 80_000);
        List<List<Object>> inMemory = run(count);
        assertEquals(List.of(List.of(4_000L, new java.math.BigDecimal(3999L * 4000 / 2))), inMemory);
        Result limited = runUnder(count, 12L << 20);
        assertTrue(limited.spillFiles() > 0, "the workers spilled");
        assertEquals(inMemory, limited.rows());
    }

    @Test
    void workersTooManyForASmallMemoryRunOneAfterAnother() throws IOException {
        // 1 MiB cannot hold three workers' batches at once: the copies run in turn, each spilling on its own
        assertSpillsAndAnswersAsInMemory(parallelJoin(4_000, 15_000), "a gather under 1 MiB");
    }

    private PhysicalNode setOperation(boolean intersect) {
        PhysicalNode first = new PhysicalNode.Project(people(30_000), List.of(column(2, DataType.varchar(24))),
                List.of(new OutputColumn("s", DataType.varchar(24), true)));
        PhysicalNode second = new PhysicalNode.Filter(people(20_000), call(ScalarFunction.EQUALS, DataType.BOOLEAN,
                call(ScalarFunction.MOD, DataType.BIGINT, column(0, DataType.BIGINT), new Expr.Literal(3L, DataType.BIGINT)),
                new Expr.Literal(0L, DataType.BIGINT)));
        PhysicalNode secondText = new PhysicalNode.Project(second, List.of(column(2, DataType.varchar(24))),
                List.of(new OutputColumn("s", DataType.varchar(24), true)));
        return new PhysicalNode.SetOperation(List.of(first, secondText), intersect, first.output());
    }

    @Test
    void intersectAndExceptAllOverTheLimitPartitionAndAnswerAsInMemory() throws IOException {
        assertSpillsAndAnswersAsInMemory(setOperation(true), "INTERSECT ALL");
        assertSpillsAndAnswersAsInMemory(setOperation(false), "EXCEPT ALL");
    }

    @Test
    void aDistinctUnionOverTheLimitPartitionsAndAnswersAsInMemory() throws IOException {
        PhysicalNode first = new PhysicalNode.Project(people(40_000), List.of(column(2, DataType.varchar(24)),
                column(1, DataType.BIGINT)), List.of(new OutputColumn("s", DataType.varchar(24), true),
                new OutputColumn("k", DataType.BIGINT, true)));
        PhysicalNode union = new PhysicalNode.Union(List.of(first, first), false, first.output());
        Result limited = runUnder(union, LIMIT);
        assertTrue(limited.spillFiles() > 0, "the union spilled");
        assertEquals(sorted(run(union)), sorted(limited.rows()));
        assertEquals(15_000, limited.rows().size(), "each (s, k) once");
    }

    @Test
    void aDistinctAggregateWhoseValuesOutgrowTheLimitFailsWith1041() {
        PhysicalNode countDistinct = new PhysicalNode.Aggregate(people(60_000), new int[0],
                List.of(new AggregateCall(AggregateFunction.COUNT, new int[] {0}, true, DataType.BIGINT)),
                List.of(new OutputColumn("n", DataType.BIGINT, false)));
        assertEquals(List.of(List.of(60_000L)), run(countDistinct));
        assertFailsOverTheLimit(countDistinct, "aggregate");
    }

    @Test
    void aRecursiveUnionWhoseRowsOutgrowTheLimitFailsWith1041() {
        // seed: 2,000 rows; each iteration adds 2,000 to every id, up to 500 iterations: a million rows remembered
        io.strata.compute.plan.WorkingRows working = new io.strata.compute.plan.WorkingRows();
        List<OutputColumn> output = List.of(new OutputColumn("n", DataType.BIGINT, true));
        PhysicalNode seed = new PhysicalNode.Project(people(2_000), List.of(column(0, DataType.BIGINT)), output);
        PhysicalNode previous = new PhysicalNode.WorkingTable(working, output);
        PhysicalNode step = new PhysicalNode.Project(new PhysicalNode.Filter(previous, call(ScalarFunction.LESS_THAN,
                DataType.BOOLEAN, column(0, DataType.BIGINT), new Expr.Literal(1_000_000L, DataType.BIGINT))),
                List.of(call(ScalarFunction.PLUS, DataType.BIGINT, column(0, DataType.BIGINT),
                        new Expr.Literal(2_000L, DataType.BIGINT))), output);
        PhysicalNode recursive = new PhysicalNode.RecursiveUnion(seed, step, working, false, 1000, output);
        assertFailsOverTheLimit(recursive, "recursive CTE");
    }

    @Test
    void aSortOverTheLimitMergesItsRunsInTheSameStableOrder() throws IOException {
        PhysicalNode sort = new PhysicalNode.Sort(people(60_000), List.of(new SortKey(2, true, false)));
        List<List<Object>> inMemory = run(sort);
        Result limited = runUnder(sort, LIMIT);
        assertTrue(limited.spillFiles() > 8, "many runs, merged in more than one pass: " + limited.spillFiles());
        assertEquals(inMemory, limited.rows(), "ties keep the input order");
    }

    @Test
    void aCancelledStatementDeletesItsSpillFiles() throws IOException {
        QueryMemory memory = QueryMemory.open(allocator, LIMIT, spillDirectory);
        ExecutionContext limited = new ExecutionContext(memory, List.of(), context.statementTime(), cancelled,
                WarningSink.NONE, java.time.ZoneId.systemDefault());
        OperatorRowCursor cursor = new OperatorRowCursor(OperatorFactory.create(
                new PhysicalNode.Sort(people(60_000), List.of(new SortKey(2, false, true))), limited), memory);
        assertTrue(cursor.hasNext());
        assertTrue(filesIn(spillDirectory) > 0, "the merge reads its runs");
        cancelled.set(true);
        try {
            StrataException error = assertThrows(StrataException.class, () -> {
                while (cursor.hasNext()) {
                    cursor.next();
                }
            });
            assertEquals(ErrorCode.ER_QUERY_INTERRUPTED, error.code());
        } finally {
            cancelled.set(false);
        }
        assertEquals(0, filesIn(spillDirectory), "KILL QUERY leaves no spill file");
        assertEquals(0, memory.heapBytes());
    }

    @Test
    void leftoverSpillFilesAreDeletedAtStartAndNothingElse() throws IOException {
        Files.writeString(spillDirectory.resolve("strata-sort-123.spill"), "left by a crash");
        Files.writeString(spillDirectory.resolve("notes.txt"), "someone else's");
        assertEquals(1, QueryMemory.deleteLeftoverSpillFiles(spillDirectory));
        assertEquals(List.of("notes.txt"), Files.list(spillDirectory).map(p -> p.getFileName().toString()).toList());
    }
}
