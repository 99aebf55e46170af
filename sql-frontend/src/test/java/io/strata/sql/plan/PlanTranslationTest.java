package io.strata.sql.plan;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.AggregateFunction;
import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.PhysicalNode;
import io.strata.sql.exec.QueryRunner;
import io.strata.sql.exec.StatementContext;
import io.strata.sql.parser.StrataParser;
import io.strata.sql.session.SessionState;
import io.strata.sql.session.SqlText;
import io.strata.sql.session.SystemVariables;
import io.strata.storage.LocalDirObjectStore;
import io.strata.txn.Transaction;
import io.strata.txn.TransactionNode;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation, planning and translation into compute-nodes' physical plan, without running operators. */
class PlanTranslationTest {
    @TempDir
    Path dir;

    private BufferAllocator allocator;
    private TransactionNode node;
    private Transaction transaction;
    private SessionState session;

    @BeforeEach
    void createTables() {
        allocator = new RootAllocator();
        node = TransactionNode.open(new LocalDirObjectStore(dir.resolve("objects")), dir.resolve("log"),
                StrataConfig.defaults(), allocator);
        Transaction ddl = node.begin();
        ddl.createDatabase("d", false);
        ddl.createTable(new TableDefinition(0, "d", "emp", List.of(
                new ColumnDefinition("id", DataType.INT, false, null, false),
                new ColumnDefinition("name", DataType.varchar(20), true, null, false),
                new ColumnDefinition("dept", DataType.INT, true, null, false),
                new ColumnDefinition("salary", DataType.decimal(10, 2), true, null, false)), List.of(0), ""), false);
        ddl.createTable(new TableDefinition(0, "d", "dept", List.of(
                new ColumnDefinition("id", DataType.INT, false, null, false),
                new ColumnDefinition("title", DataType.varchar(20), true, null, false)), List.of(0), ""), false);
        ddl.createTable(new TableDefinition(0, "d", "tags", List.of(
                new ColumnDefinition("code", DataType.varchar(10), false, null, false),
                new ColumnDefinition("n", DataType.INT, true, null, false)), List.of(0), ""), false);
        ddl.createTable(new TableDefinition(0, "d", "users", List.of(
                new ColumnDefinition("id", DataType.INT, false, null, false),
                new ColumnDefinition("email", DataType.varchar(40), true, null, false),
                new ColumnDefinition("team", DataType.INT, true, null, false)), List.of(0), "",
                List.of(new IndexDefinition("email", List.of(1), true), new IndexDefinition("by_team", List.of(2), false))), false);
        ddl.createTable(new TableDefinition(0, "d", "blobs", List.of(
                new ColumnDefinition("b", new DataType(TypeKind.VARBINARY, 10, 0), false, null, false)), List.of(0), ""), false);
        ddl.commit();
        transaction = node.begin();
        session = new SessionState(1, "root", "d", SystemVariables.globals("8.0.30", 10, 6001));
    }

    @AfterEach
    void close() {
        transaction.close();
        node.close();
        allocator.close();
    }

    private PhysicalNode plan(String sql) {
        StatementContext context = new StatementContext(transaction, session, allocator, List.of(), LocalDateTime.now(),
                new AtomicBoolean(), new SqlText(sql));
        PlannedQuery planned = QueryRunner.plan(StrataParser.parseOne(sql), context, null);
        return new RelToPhysical(planned.rel().getCluster().getRexBuilder(), transaction, List.of()).translate(planned.rel());
    }

    private static <T extends PhysicalNode> List<T> find(PhysicalNode root, Class<T> kind) {
        List<T> found = new ArrayList<>();
        collect(root, kind, found);
        return found;
    }

    private static <T extends PhysicalNode> void collect(PhysicalNode node, Class<T> kind, List<T> found) {
        if (kind.isInstance(node)) {
            found.add(kind.cast(node));
        }
        switch (node) {
            case PhysicalNode.Filter f -> collect(f.input(), kind, found);
            case PhysicalNode.Project p -> collect(p.input(), kind, found);
            case PhysicalNode.Aggregate a -> collect(a.input(), kind, found);
            case PhysicalNode.Sort s -> collect(s.input(), kind, found);
            case PhysicalNode.Limit l -> collect(l.input(), kind, found);
            case PhysicalNode.KeyLookup k -> collect(k.scan(), kind, found);
            case PhysicalNode.Join j -> {
                collect(j.left(), kind, found);
                collect(j.right(), kind, found);
            }
            case PhysicalNode.Union u -> u.inputs().forEach(i -> collect(i, kind, found));
            default -> { }
        }
    }

    private PlannedQuery planned(String sql, List<Object> parameters) {
        StatementContext context = new StatementContext(transaction, session, allocator, parameters, LocalDateTime.now(),
                new AtomicBoolean(), new SqlText(sql));
        return QueryRunner.plan(StrataParser.parseOne(sql), context, null);
    }

    @Test
    void joinsFollowTheirConditionsNotTheFromClause() {
        // In FROM order emp and tags share no condition: a cross product before the tables that link them.
        PhysicalNode plan = plan("SELECT e.name, t.n FROM emp e, tags t, users u, dept d"
                + " WHERE e.dept = d.id AND u.team = d.id AND t.n = u.id");
        List<PhysicalNode.Join> joins = find(plan, PhysicalNode.Join.class);
        assertEquals(3, joins.size(), plan.toString());
        for (PhysicalNode.Join join : joins) {
            assertTrue(join.leftKeys().length > 0, "a join without equality keys: " + plan);
        }
    }

    @Test
    void aJoinConditionEveryOrBranchRepeatsIsAHashJoinKey() {
        // TPC-H Q19's shape: without pulling the shared term out, a nested loop over the cross product.
        PhysicalNode plan = plan("SELECT e.name FROM emp e, dept d"
                + " WHERE (e.dept = d.id AND e.salary > 10) OR (e.dept = d.id AND d.title = 'x')");
        PhysicalNode.Join join = find(plan, PhysicalNode.Join.class).get(0);
        assertEquals(1, join.leftKeys().length, plan.toString());
    }

    @Test
    void aDecorrelatedNullSafeEqualityOnANeverNullKeyIsAHashJoinKey() {
        // The decorrelator joins the groups back with IS NOT DISTINCT FROM; d.id is a primary key and the
        // grouped e.dept is filtered IS NOT NULL, so it is an ordinary equality and a key of the join.
        PhysicalNode plan = plan("SELECT d.title FROM dept d WHERE 1 < (SELECT COUNT(*) FROM emp e WHERE e.dept = d.id)");
        List<PhysicalNode.Join> joins = find(plan, PhysicalNode.Join.class);
        assertTrue(joins.size() >= 2, plan.toString());
        for (PhysicalNode.Join join : joins) {
            assertTrue(join.leftKeys().length > 0, "a join without equality keys: " + plan);
        }
    }

    @Test
    void aNullSafeEqualityOfNullableColumnsStaysNullSafe() {
        PhysicalNode plan = plan("SELECT e.name FROM emp e JOIN users u ON e.dept IS NOT DISTINCT FROM u.team");
        PhysicalNode.Join join = find(plan, PhysicalNode.Join.class).get(0);
        assertEquals(0, join.leftKeys().length, plan.toString());
        Expr.Call residual = assertInstanceOf(Expr.Call.class, join.residual());
        assertEquals(ScalarFunction.IS_NOT_DISTINCT_FROM, residual.function());
    }

    @Test
    void aKeptTranslationIsBoundToEachExecutionsTransaction() {
        PlannedQuery planned = planned("SELECT name FROM emp WHERE id = ?", List.of(1L));
        PhysicalNode first = planned.physicalPlan(transaction, List.of(1L));
        assertTrue(planned.translated().get() != null, "parameters evaluated at run time leave the plan reusable");
        try (Transaction next = node.begin()) {
            PhysicalNode second = planned.physicalPlan(next, List.of(2L));
            PhysicalNode.Scan firstScan = find(first, PhysicalNode.Scan.class).get(0);
            PhysicalNode.Scan secondScan = find(second, PhysicalNode.Scan.class).get(0);
            assertTrue(firstScan.table() != secondScan.table(), "each execution reads its own transaction's snapshot");
            assertEquals(next.table("d", "emp").definition(), secondScan.table().definition());
            assertArrayEquals(firstScan.columns(), secondScan.columns());
            assertEquals(firstScan.output(), secondScan.output());
            PhysicalNode.KeyLookup lookup = find(second, PhysicalNode.KeyLookup.class).get(0);
            assertInstanceOf(Expr.Parameter.class, lookup.key().get(0), "the key is still the parameter, read at run time");
            assertEquals(find(first, PhysicalNode.Filter.class).get(0).condition(), find(second, PhysicalNode.Filter.class).get(0).condition());
        }
    }

    @Test
    void aKeptTranslationIsRedoneWhenTheTableChanged() {
        PlannedQuery planned = planned("SELECT * FROM emp WHERE id = 1", List.of());
        planned.physicalPlan(transaction, List.of());
        Transaction ddl = node.begin();
        ddl.dropTable("d", "emp", false);
        ddl.createTable(new TableDefinition(0, "d", "emp", List.of(
                new ColumnDefinition("id", DataType.INT, false, null, false),
                new ColumnDefinition("name", DataType.varchar(30), true, null, false),
                new ColumnDefinition("dept", DataType.INT, true, null, false),
                new ColumnDefinition("salary", DataType.decimal(10, 2), true, null, false)), List.of(0), ""), false);
        ddl.commit();
        try (Transaction next = node.begin()) {
            PhysicalNode.Scan scan = find(planned.physicalPlan(next, List.of()), PhysicalNode.Scan.class).get(0);
            assertEquals(next.table("d", "emp").definition(), scan.table().definition(), "translated again for the new table");
        }
    }

    @Test
    void aLimitTakenFromAParameterIsTranslatedForEachExecution() {
        PlannedQuery planned = planned("SELECT name FROM emp ORDER BY name LIMIT ?", List.of(2L));
        assertEquals(2, assertInstanceOf(PhysicalNode.Limit.class, planned.physicalPlan(transaction, List.of(2L))).fetch());
        assertEquals(null, planned.translated().get(), "the plan holds the parameter's value: not kept");
        assertEquals(7, assertInstanceOf(PhysicalNode.Limit.class, planned.physicalPlan(transaction, List.of(7L))).fetch());
    }

    @Test
    void whereOrderByLimitPrunesScanColumns() {
        PhysicalNode plan = plan("SELECT name FROM emp WHERE dept = 10 ORDER BY name LIMIT 2, 5");
        PhysicalNode.Limit limit = assertInstanceOf(PhysicalNode.Limit.class, plan);
        assertEquals(2, limit.offset());
        assertEquals(5, limit.fetch());
        PhysicalNode.Sort sort = find(plan, PhysicalNode.Sort.class).get(0);
        assertTrue(!sort.keys().get(0).descending() && sort.keys().get(0).nullsFirst(), "MySQL sorts NULLs first ascending");
        PhysicalNode.Scan scan = find(plan, PhysicalNode.Scan.class).get(0);
        assertArrayEquals(new int[] {1, 2}, scan.columns());
        PhysicalNode.Filter filter = find(plan, PhysicalNode.Filter.class).get(0);
        Expr.Call condition = assertInstanceOf(Expr.Call.class, filter.condition());
        assertEquals(ScalarFunction.EQUALS, condition.function());
        assertEquals(List.of("name"), plan.output().stream().map(c -> c.name()).toList());
    }

    @Test
    void equalityOnThePrimaryKeyBecomesAKeyLookupUnderTheFilter() {
        PhysicalNode plan = plan("SELECT name FROM emp WHERE id = ? AND dept > 1");
        PhysicalNode.KeyLookup lookup = find(plan, PhysicalNode.KeyLookup.class).get(0);
        assertInstanceOf(Expr.Parameter.class, lookup.key().get(0));
        assertEquals(1, find(plan, PhysicalNode.Filter.class).size(), "the whole condition is still checked");

        assertTrue(find(plan("SELECT name FROM emp WHERE dept = 3"), PhysicalNode.KeyLookup.class).isEmpty(),
                "not the key: a scan");
        assertTrue(find(plan("SELECT name FROM emp WHERE id = 3 OR dept = 4"), PhysicalNode.KeyLookup.class).isEmpty(),
                "a disjunction does not pin the key");
        assertTrue(find(plan("SELECT name FROM emp WHERE id = dept"), PhysicalNode.KeyLookup.class).isEmpty(),
                "a column is not a constant");
    }

    @Test
    void equalityOnATextKeyBecomesAKeyLookupButNotOnABinaryKey() {
        PhysicalNode plan = plan("SELECT n FROM tags WHERE code = 'ABC'");
        assertEquals(1, find(plan, PhysicalNode.KeyLookup.class).size(), "the key index collates as the filter does");
        assertEquals(1, find(plan("SELECT n FROM tags WHERE code = ?"), PhysicalNode.KeyLookup.class).size());
        assertTrue(find(plan("SELECT n FROM tags WHERE UPPER(code) = 'ABC'"), PhysicalNode.KeyLookup.class).isEmpty(),
                "a function of the key is not the key");
        assertTrue(find(plan("SELECT b FROM blobs WHERE b = 'x'"), PhysicalNode.KeyLookup.class).isEmpty(),
                "binary keys are left to the scan");
    }

    @Test
    void equalityOnAUniqueKeyBecomesALookupByThatIndexAndThePrimaryKeyWins() {
        PhysicalNode.KeyLookup byEmail = find(plan("SELECT id FROM users WHERE email = ?"), PhysicalNode.KeyLookup.class).get(0);
        assertEquals("email", byEmail.uniqueIndex());
        PhysicalNode.KeyLookup byId = find(plan("SELECT id FROM users WHERE email = 'a' AND id = 3"),
                PhysicalNode.KeyLookup.class).get(0);
        assertEquals(null, byId.uniqueIndex(), "the primary key first");
        assertTrue(find(plan("SELECT id FROM users WHERE team = 3"), PhysicalNode.KeyLookup.class).isEmpty(),
                "a non-unique index is not a key");
    }

    @Test
    void groupByGivesMysqlAggregateTypes() {
        PhysicalNode plan = plan("SELECT dept, COUNT(*), SUM(id), AVG(salary) FROM emp GROUP BY dept");
        PhysicalNode.Aggregate aggregate = find(plan, PhysicalNode.Aggregate.class).get(0);
        assertEquals(1, aggregate.groupKeys().length);
        assertEquals(AggregateFunction.COUNT_STAR, aggregate.calls().get(0).function());
        assertEquals(DataType.BIGINT, aggregate.calls().get(0).type());
        assertEquals(TypeKind.DECIMAL, aggregate.calls().get(1).type().kind());
        assertEquals(AggregateFunction.AVG, aggregate.calls().get(2).function());
        assertEquals(6, aggregate.calls().get(2).type().scale());
    }

    @Test
    void joinUsesEquiKeysAndPushesFilters() {
        PhysicalNode plan = plan("SELECT e.name, d.title FROM emp e, dept d WHERE e.dept = d.id AND d.title = 'eng'");
        PhysicalNode.Join join = find(plan, PhysicalNode.Join.class).get(0);
        assertEquals(JoinType.INNER, join.joinType());
        assertEquals(1, join.leftKeys().length);
        assertEquals(null, join.residual());
        assertEquals(1, find(join.right(), PhysicalNode.Filter.class).size(), "the title filter is below the join");
    }

    @Test
    void divisionIsDecimalAndInListIsExpanded() {
        PhysicalNode plan = plan("SELECT id / 3 FROM emp WHERE id IN (1, 2, 5)");
        PhysicalNode.Project project = find(plan, PhysicalNode.Project.class).get(0);
        Expr.Call divide = assertInstanceOf(Expr.Call.class, project.expressions().get(0));
        assertEquals(ScalarFunction.DIVIDE, divide.function());
        assertEquals(TypeKind.DECIMAL, divide.type().kind());
        assertEquals("id / 3", plan.output().get(0).name(), "MySQL names the column after its text");
        PhysicalNode.Filter filter = find(plan, PhysicalNode.Filter.class).get(0);
        assertEquals(ScalarFunction.OR, ((Expr.Call) filter.condition()).function());
    }

    @Test
    void validationErrorsHaveMysqlCodes() {
        assertEquals(ErrorCode.ER_BAD_FIELD_ERROR, assertThrows(StrataException.class, () -> plan("SELECT nope FROM emp")).code());
        StrataException noTable = assertThrows(StrataException.class, () -> plan("SELECT * FROM nothing"));
        assertEquals(ErrorCode.ER_NO_SUCH_TABLE, noTable.code());
        assertEquals("Table 'd.nothing' doesn't exist", noTable.getMessage());
        assertEquals(ErrorCode.ER_NON_UNIQ_ERROR,
                assertThrows(StrataException.class, () -> plan("SELECT id FROM emp, dept")).code());
        assertEquals(ErrorCode.ER_SP_DOES_NOT_EXIST,
                assertThrows(StrataException.class, () -> plan("SELECT no_such_function(id) FROM emp")).code());
        session.database(null);
        assertEquals(ErrorCode.ER_NO_DB_ERROR, assertThrows(StrataException.class, () -> plan("SELECT * FROM emp")).code());
    }

    @Test
    void unknownColumnMessageNamesTheColumn() {
        StrataException e = assertThrows(StrataException.class, () -> plan("SELECT id FROM emp WHERE bogus = 1"));
        assertEquals("Unknown column 'bogus' in 'field list'", e.getMessage());
    }
}
