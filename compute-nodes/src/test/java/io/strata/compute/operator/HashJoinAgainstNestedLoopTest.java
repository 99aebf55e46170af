package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.testing.OperatorTestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every join type over random keys with NULLs (one probe batch yields more pairs than a chunk holds), against a nested loop. */
class HashJoinAgainstNestedLoopTest extends OperatorTestBase {
    private static final int LEFT_ROWS = 100;
    private static final int RIGHT_ROWS = 150;

    private final Random random = new Random(2024);
    private final List<Object[]> leftRows = rows(LEFT_ROWS, 0);
    private final List<Object[]> rightRows = rows(RIGHT_ROWS, 1000);

    private List<Object[]> rows(int count, long firstId) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long key = random.nextInt(10) == 0 ? null : (long) random.nextInt(2);
            rows.add(row(key, firstId + i));
        }
        return rows;
    }

    /** Residual: left.id + right.id is even. */
    private static boolean residual(Object[] left, Object[] right) {
        return ((Long) left[1] + (Long) right[1]) % 2 == 0;
    }

    /** How the key equality reaches the join: as plan keys, or as a residual {@code =} or {@code <=>}. */
    private enum KeySource { PLAN, RESIDUAL_EQUALS, RESIDUAL_NULL_SAFE }

    @Test
    void everyJoinTypeMatchesNestedLoop() {
        for (KeySource source : KeySource.values()) {
            for (JoinType type : JoinType.values()) {
                for (boolean withResidual : new boolean[] {false, true}) {
                    List<String> expected = nestedLoop(type, withResidual, source == KeySource.RESIDUAL_NULL_SAFE);
                    List<String> actual = run(plan(type, withResidual, source)).stream()
                            .map(HashJoinAgainstNestedLoopTest::text).sorted().toList();
                    assertEquals(expected, actual, type + " " + source + (withResidual ? " with residual" : ""));
                }
            }
        }
    }

    /**
     * The same with a build side far over the memory limit: partitioned into spill files, joined pair by
     * pair (a key's rows stay together, so its partitions are partitioned again down to the last level).
     */
    @Test
    void everyJoinTypeMatchesNestedLoopWhenTheBuildSpills() throws java.io.IOException {
        ExecutionContext tiny = new ExecutionContext(allocator, List.of(), context.statementTime(), cancelled, 2048);
        for (KeySource source : KeySource.values()) {
            for (JoinType type : JoinType.values()) {
                for (boolean withResidual : new boolean[] {false, true}) {
                    List<String> expected = nestedLoop(type, withResidual, source == KeySource.RESIDUAL_NULL_SAFE);
                    long before = joinSpillFiles();
                    List<String> actual = new ArrayList<>();
                    try (OperatorRowCursor cursor = new OperatorRowCursor(
                            OperatorFactory.create(plan(type, withResidual, source), tiny))) {
                        while (cursor.hasNext()) {
                            actual.add(text(java.util.Arrays.asList(cursor.next())));
                            if (actual.size() == 1 && source == KeySource.PLAN) {
                                assertTrue(joinSpillFiles() > before, type + " spilled its build side");
                            }
                        }
                    }
                    assertEquals(expected, actual.stream().sorted().toList(), type + " " + source
                            + (withResidual ? " with residual" : "") + " spilled");
                    assertEquals(before, joinSpillFiles(), "the partitions are deleted");
                }
            }
        }
    }

    /**
     * The probe side through a filter, which hands the join its input batches with a selection vector
     * (the join reads keys and gathers pairs through it); the answers are those over the kept rows.
     */
    @Test
    void everyJoinTypeMatchesNestedLoopOverAFilteredProbeSide() {
        List<Object[]> allLeft = new ArrayList<>(leftRows);
        leftRows.removeIf(row -> (Long) row[1] % 3 == 0);
        List<Object[]> keptLeft = new ArrayList<>(leftRows);
        for (KeySource source : KeySource.values()) {
            for (JoinType type : JoinType.values()) {
                for (boolean withResidual : new boolean[] {false, true}) {
                    leftRows.clear();
                    leftRows.addAll(keptLeft);
                    List<String> expected = nestedLoop(type, withResidual, source == KeySource.RESIDUAL_NULL_SAFE);
                    leftRows.clear();
                    leftRows.addAll(allLeft);
                    PhysicalNode.Join join = (PhysicalNode.Join) plan(type, withResidual, source);
                    Expr idMod3 = new Expr.Call(ScalarFunction.MOD, List.of(new Expr.ColumnRef(1, DataType.BIGINT),
                            new Expr.Literal(3L, DataType.BIGINT)), DataType.BIGINT);
                    Expr kept = new Expr.Call(ScalarFunction.NOT_EQUALS, List.of(idMod3, new Expr.Literal(0L, DataType.BIGINT)),
                            DataType.BOOLEAN);
                    PhysicalNode filtered = new PhysicalNode.Filter(join.left(), kept);
                    PhysicalNode plan = new PhysicalNode.Join(filtered, join.right(), type, join.leftKeys(), join.rightKeys(),
                            join.residual(), join.output());
                    List<String> actual = run(plan).stream().map(HashJoinAgainstNestedLoopTest::text).sorted().toList();
                    assertEquals(expected, actual, type + " " + source + (withResidual ? " with residual" : "") + " filtered");
                }
            }
        }
    }

    private static long joinSpillFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("strata-join-")).count();
        }
    }

    private PhysicalNode plan(JoinType type, boolean withResidual, KeySource source) {
        var columns = List.of(col("k", DataType.BIGINT), col("id", DataType.BIGINT));
        PhysicalNode left = scan(columns, leftRows, 128);
        PhysicalNode right = scan(columns, rightRows, 64);
        List<OutputColumn> output = new ArrayList<>(List.of(new OutputColumn("k", DataType.BIGINT, true),
                new OutputColumn("id", DataType.BIGINT, true)));
        if (type != JoinType.SEMI && type != JoinType.ANTI) {
            output.add(new OutputColumn("k0", DataType.BIGINT, true));
            output.add(new OutputColumn("id0", DataType.BIGINT, true));
        }
        Expr condition = null;
        if (withResidual) {
            Expr sum = new Expr.Call(ScalarFunction.PLUS, List.of(new Expr.ColumnRef(1, DataType.BIGINT),
                    new Expr.ColumnRef(3, DataType.BIGINT)), DataType.BIGINT);
            Expr mod = new Expr.Call(ScalarFunction.MOD, List.of(sum, new Expr.Literal(2L, DataType.BIGINT)), DataType.BIGINT);
            condition = new Expr.Call(ScalarFunction.EQUALS, List.of(mod, new Expr.Literal(0L, DataType.BIGINT)), DataType.BOOLEAN);
        }
        if (source == KeySource.PLAN) {
            return new PhysicalNode.Join(left, right, type, new int[] {0}, new int[] {0}, condition, output);
        }
        ScalarFunction equality = source == KeySource.RESIDUAL_EQUALS ? ScalarFunction.EQUALS : ScalarFunction.IS_NOT_DISTINCT_FROM;
        Expr keyCondition = new Expr.Call(equality, List.of(new Expr.ColumnRef(2, DataType.BIGINT),
                new Expr.ColumnRef(0, DataType.BIGINT)), DataType.BOOLEAN);
        Expr residual = condition == null ? keyCondition
                : new Expr.Call(ScalarFunction.AND, List.of(condition, keyCondition), DataType.BOOLEAN);
        return new PhysicalNode.Join(left, right, type, new int[0], new int[0], residual, output);
    }

    private List<String> nestedLoop(JoinType type, boolean withResidual, boolean nullSafe) {
        List<String> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[rightRows.size()];
        for (Object[] left : leftRows) {
            boolean matched = false;
            for (int r = 0; r < rightRows.size(); r++) {
                Object[] right = rightRows.get(r);
                boolean keysMatch = nullSafe ? Objects.equals(left[0], right[0]) : left[0] != null && left[0].equals(right[0]);
                boolean match = keysMatch && (!withResidual || residual(left, right));
                if (match) {
                    matched = true;
                    rightMatched[r] = true;
                    if (type != JoinType.SEMI && type != JoinType.ANTI) {
                        out.add(text(list(left[0], left[1], right[0], right[1])));
                    }
                }
            }
            if (matched && type == JoinType.SEMI || !matched && type == JoinType.ANTI) {
                out.add(text(list(left[0], left[1])));
            }
            if (!matched && (type == JoinType.LEFT || type == JoinType.FULL)) {
                out.add(text(list(left[0], left[1], null, null)));
            }
        }
        if (type == JoinType.RIGHT || type == JoinType.FULL) {
            for (int r = 0; r < rightRows.size(); r++) {
                if (!rightMatched[r]) {
                    out.add(text(list(null, null, rightRows.get(r)[0], rightRows.get(r)[1])));
                }
            }
        }
        return out.stream().sorted().toList();
    }

    private static String text(List<Object> row) {
        return row.toString();
    }
}
