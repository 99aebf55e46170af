package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import io.strata.compute.testing.OperatorTestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashJoinOperatorTest extends OperatorTestBase {
    private PhysicalNode.Scan left() {
        return scan(List.of(col("k", DataType.INT), col("a", DataType.varchar(5))),
                List.of(row(1L, "l1"), row(2L, "l2"), row(null, "lnull"), row(2L, "l2b"), row(4L, "l4")));
    }

    private PhysicalNode.Scan right() {
        return scan(List.of(col("k", DataType.BIGINT), col("b", DataType.varchar(5))),
                List.of(row(2L, "r2"), row(3L, "r3"), row(null, "rnull"), row(1L, "r1")));
    }

    private PhysicalNode join(JoinType type, Expr residual) {
        List<OutputColumn> output = new ArrayList<>(List.of(new OutputColumn("k", DataType.INT, true),
                new OutputColumn("a", DataType.varchar(5), true)));
        if (type != JoinType.SEMI && type != JoinType.ANTI) {
            output.add(new OutputColumn("k0", DataType.BIGINT, true));
            output.add(new OutputColumn("b", DataType.varchar(5), true));
        }
        PhysicalNode join = new PhysicalNode.Join(left(), right(), type, new int[] {0}, new int[] {0}, residual, output);
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
            keys.add(new SortKey(i, false, true));
        }
        return new PhysicalNode.Sort(join, keys);
    }

    @Test
    void innerJoinMatchesEqualKeysAndNeverNulls() {
        assertEquals(List.of(list(1L, "l1", 1L, "r1"), list(2L, "l2", 2L, "r2"), list(2L, "l2b", 2L, "r2")),
                run(join(JoinType.INNER, null)));
    }

    @Test
    void leftJoinPadsUnmatchedLeftRows() {
        assertEquals(List.of(list(null, "lnull", null, null), list(1L, "l1", 1L, "r1"), list(2L, "l2", 2L, "r2"),
                list(2L, "l2b", 2L, "r2"), list(4L, "l4", null, null)), run(join(JoinType.LEFT, null)));
    }

    @Test
    void rightJoinPadsUnmatchedRightRows() {
        assertEquals(List.of(list(null, null, null, "rnull"), list(null, null, 3L, "r3"), list(1L, "l1", 1L, "r1"),
                list(2L, "l2", 2L, "r2"), list(2L, "l2b", 2L, "r2")), run(join(JoinType.RIGHT, null)));
    }

    @Test
    void fullJoinPadsBothSides() {
        assertEquals(List.of(list(null, null, null, "rnull"), list(null, null, 3L, "r3"), list(null, "lnull", null, null),
                list(1L, "l1", 1L, "r1"), list(2L, "l2", 2L, "r2"), list(2L, "l2b", 2L, "r2"), list(4L, "l4", null, null)),
                run(join(JoinType.FULL, null)));
    }

    @Test
    void semiAndAntiJoinReturnLeftRowsOnce() {
        assertEquals(List.of(list(1L, "l1"), list(2L, "l2"), list(2L, "l2b")), run(join(JoinType.SEMI, null)));
        assertEquals(List.of(list(null, "lnull"), list(4L, "l4")), run(join(JoinType.ANTI, null)));
    }

    @Test
    void residualConditionFiltersPairsAndLeftJoinKeepsRowsWhoseMatchesFail() {
        // a <> 'l2b'
        Expr residual = new Expr.Call(ScalarFunction.NOT_EQUALS, List.of(new Expr.ColumnRef(1, DataType.varchar(5)),
                new Expr.Literal("L2B", DataType.varchar(3))), DataType.BOOLEAN);
        assertEquals(List.of(list(1L, "l1", 1L, "r1"), list(2L, "l2", 2L, "r2")), run(join(JoinType.INNER, residual)));
        assertEquals(List.of(list(null, "lnull", null, null), list(1L, "l1", 1L, "r1"), list(2L, "l2", 2L, "r2"),
                list(2L, "l2b", null, null), list(4L, "l4", null, null)), run(join(JoinType.LEFT, residual)));
    }

    @Test
    void joinWithoutKeysIsCrossJoinFilteredByResidual() {
        List<OutputColumn> output = List.of(new OutputColumn("k", DataType.INT, true), new OutputColumn("a", DataType.varchar(5), true),
                new OutputColumn("k0", DataType.BIGINT, true), new OutputColumn("b", DataType.varchar(5), true));
        PhysicalNode cross = new PhysicalNode.Join(left(), right(), JoinType.INNER, new int[0], new int[0], null, output);
        assertEquals(20, run(cross).size());
        Expr less = new Expr.Call(ScalarFunction.LESS_THAN, List.of(new Expr.ColumnRef(0, DataType.INT),
                new Expr.ColumnRef(2, DataType.BIGINT)), DataType.BOOLEAN);
        PhysicalNode theta = new PhysicalNode.Join(left(), right(), JoinType.INNER, new int[0], new int[0], less, output);
        // pairs with left.k < right.k: 1<2, 1<3, 2<3, 2<3
        assertEquals(4, run(theta).size());
    }

    @Test
    void stringKeysJoinCaseInsensitivelyAndSemiJoinWithResidual() {
        PhysicalNode.Scan names = scan(List.of(col("n", DataType.varchar(5)), col("i", DataType.INT)),
                List.of(row("Ann", 1L), row("bob", 2L), row(null, 3L), row("cid", 4L)));
        PhysicalNode.Scan tags = scan(List.of(col("n", DataType.varchar(5)), col("t", DataType.varchar(5))),
                List.of(row("ANN", "x"), row("BOB", "y"), row("bob", "z"), row(null, "w")));
        List<OutputColumn> output = List.of(new OutputColumn("n", DataType.varchar(5), true), new OutputColumn("i", DataType.INT, true),
                new OutputColumn("n0", DataType.varchar(5), true), new OutputColumn("t", DataType.varchar(5), true));
        PhysicalNode inner = new PhysicalNode.Join(names, tags, JoinType.INNER, new int[] {0}, new int[] {0}, null, output);
        assertEquals(List.of(list("Ann", 1L, "ANN", "x"), list("bob", 2L, "BOB", "y"), list("bob", 2L, "bob", "z")),
                run(new PhysicalNode.Sort(inner, List.of(new SortKey(1, false, true), new SortKey(3, false, true)))));
        // semi join keeping names that have a tag other than 'y'
        Expr notY = new Expr.Call(ScalarFunction.NOT_EQUALS, List.of(new Expr.ColumnRef(3, DataType.varchar(5)),
                new Expr.Literal("y", DataType.varchar(1))), DataType.BOOLEAN);
        PhysicalNode semi = new PhysicalNode.Join(scan(List.of(col("n", DataType.varchar(5)), col("i", DataType.INT)),
                List.of(row("Ann", 1L), row("bob", 2L), row(null, 3L), row("cid", 4L))), tags, JoinType.SEMI,
                new int[] {0}, new int[] {0}, notY, output.subList(0, 2));
        assertEquals(List.of(list("Ann", 1L), list("bob", 2L)), run(semi));
    }

    @Test
    void joinsOnEmptyBuildSide() {
        PhysicalNode.Scan empty = scan(List.of(col("k", DataType.BIGINT), col("b", DataType.varchar(5))), List.of());
        List<OutputColumn> output = List.of(new OutputColumn("k", DataType.INT, true), new OutputColumn("a", DataType.varchar(5), true),
                new OutputColumn("k0", DataType.BIGINT, true), new OutputColumn("b", DataType.varchar(5), true));
        assertEquals(List.of(), run(new PhysicalNode.Join(left(), empty, JoinType.INNER, new int[] {0}, new int[] {0}, null, output)));
        assertEquals(5, run(new PhysicalNode.Join(left(), scan(List.of(col("k", DataType.BIGINT), col("b", DataType.varchar(5))), List.of()),
                JoinType.LEFT, new int[] {0}, new int[] {0}, null, output)).size());
        assertEquals(5, run(new PhysicalNode.Join(left(), scan(List.of(col("k", DataType.BIGINT), col("b", DataType.varchar(5))), List.of()),
                JoinType.ANTI, new int[] {0}, new int[] {0}, null, output.subList(0, 2))).size());
    }
}
