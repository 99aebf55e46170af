package io.strata.compute.plan;

import io.strata.compute.expression.Expr;
import io.strata.txn.TableSnapshot;

import java.util.List;
import java.util.Objects;

/**
 * An immutable physical plan, made by the SQL frontend from Calcite's optimized plan and turned into
 * operators by {@link io.strata.compute.operator.OperatorFactory}. Column references in expressions
 * are indexes into the input's output columns (for a join: left columns, then right columns).
 */
public sealed interface PhysicalNode {
    List<OutputColumn> output();

    /** Reads {@code columns} (table column indexes) of a table snapshot; with {@code withRowId} the row id follows. */
    record Scan(TableSnapshot table, int[] columns, boolean withRowId, List<OutputColumn> output, List<ScanRange> ranges)
            implements PhysicalNode {
        public Scan {
            Objects.requireNonNull(table, "table");
            columns = columns.clone();
            output = List.copyOf(output);
            ranges = List.copyOf(ranges);
        }

        public Scan(TableSnapshot table, int[] columns, boolean withRowId, List<OutputColumn> output) {
            this(table, columns, withRowId, output, List.of());
        }

        /** The same scan, allowed to skip blocks outside {@code ranges}. */
        public Scan withRanges(List<ScanRange> ranges) {
            return new Scan(table, columns, withRowId, output, ranges);
        }
    }

    /**
     * A bound a filter above a scan puts on one table column ({@code column} is a table column index);
     * {@code lower}/{@code upper} are constant expressions (literals, parameters) or null for unbounded.
     * The scan may skip blocks whose zone maps lie outside; the filter still decides row by row.
     */
    record ScanRange(int column, Expr lower, Expr upper) {
        public ScanRange {
            if (lower == null && upper == null) {
                throw new IllegalArgumentException("a scan range needs a bound");
            }
        }
    }

    /**
     * The rows of {@code scan} whose primary key (or, when {@code uniqueIndex} is not null, whose key in that
     * UNIQUE index) equals {@code key} (one constant expression per key column, in key order: literals,
     * parameters, or calls over them), found through the table's index instead of a scan: at most one row.
     * A key value that does not convert to its column's type finds nothing; callers keep the filter that
     * chose the key above this node, so the result is exact.
     */
    record KeyLookup(Scan scan, List<Expr> key, String uniqueIndex) implements PhysicalNode {
        public KeyLookup {
            Objects.requireNonNull(scan, "scan");
            key = List.copyOf(key);
            int columns = keyColumns(scan, uniqueIndex).size();
            if (key.size() != columns) {
                throw new IllegalArgumentException("key has " + key.size() + " values for a key of " + columns + " columns");
            }
        }

        /** A lookup by primary key. */
        public KeyLookup(Scan scan, List<Expr> key) {
            this(scan, key, null);
        }

        /** The table columns of the key, in key order. */
        public List<Integer> keyColumns() {
            return keyColumns(scan, uniqueIndex);
        }

        private static List<Integer> keyColumns(Scan scan, String uniqueIndex) {
            io.strata.txn.catalog.TableDefinition table = scan.table().definition();
            if (uniqueIndex == null) {
                return table.primaryKey();
            }
            return table.index(uniqueIndex).filter(io.strata.txn.catalog.IndexDefinition::unique)
                    .orElseThrow(() -> new IllegalArgumentException("no UNIQUE index " + uniqueIndex + " on " + table.name()))
                    .columns();
        }

        @Override
        public List<OutputColumn> output() {
            return scan.output();
        }
    }

    /** Literal rows; each value is an {@link Expr} that needs no input (literals, parameters, constant calls). */
    record Values(List<List<Expr>> rows, List<OutputColumn> output) implements PhysicalNode {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
            output = List.copyOf(output);
        }
    }

    /** Keeps the rows where {@code condition} is TRUE (not FALSE, not NULL). */
    record Filter(PhysicalNode input, Expr condition) implements PhysicalNode {
        @Override
        public List<OutputColumn> output() {
            return input.output();
        }
    }

    record Project(PhysicalNode input, List<Expr> expressions, List<OutputColumn> output) implements PhysicalNode {
        public Project {
            expressions = List.copyOf(expressions);
            output = List.copyOf(output);
            if (expressions.size() != output.size()) {
                throw new IllegalArgumentException("expressions and output differ in size");
            }
        }
    }

    /**
     * Groups by {@code groupKeys} (input column indexes) and computes {@code calls}; output is the group
     * keys then one column per call. No group keys means one row, even over empty input.
     */
    record Aggregate(PhysicalNode input, int[] groupKeys, List<AggregateCall> calls, List<OutputColumn> output)
            implements PhysicalNode {
        public Aggregate {
            groupKeys = groupKeys.clone();
            calls = List.copyOf(calls);
            output = List.copyOf(output);
        }
    }

    /**
     * A hash join on {@code leftKeys[i] = rightKeys[i]} (SQL equality: NULL keys never match), then
     * {@code residual} (over left columns followed by right columns; null means none). SEMI and ANTI
     * output only the left columns.
     */
    record Join(PhysicalNode left, PhysicalNode right, JoinType joinType, int[] leftKeys, int[] rightKeys,
                Expr residual, List<OutputColumn> output) implements PhysicalNode {
        public Join {
            leftKeys = leftKeys.clone();
            rightKeys = rightKeys.clone();
            output = List.copyOf(output);
            if (leftKeys.length != rightKeys.length) {
                throw new IllegalArgumentException("join key counts differ");
            }
        }
    }

    record Sort(PhysicalNode input, List<SortKey> keys) implements PhysicalNode {
        public Sort {
            keys = List.copyOf(keys);
        }

        @Override
        public List<OutputColumn> output() {
            return input.output();
        }
    }

    /** Skips {@code offset} rows then returns at most {@code fetch} rows ({@code fetch < 0}: all). */
    record Limit(PhysicalNode input, long offset, long fetch) implements PhysicalNode {
        @Override
        public List<OutputColumn> output() {
            return input.output();
        }
    }

    /**
     * Window functions: every input row, then one column per call of each group in order ({@code output}
     * holds the input's columns and the calls'). The whole input is buffered.
     */
    record Window(PhysicalNode input, List<WindowGroup> groups, List<OutputColumn> output) implements PhysicalNode {
        public Window {
            groups = List.copyOf(groups);
            output = List.copyOf(output);
        }
    }

    /**
     * A recursive CTE: the {@code seed} rows, then the rows of {@code recursive} run again and again over the
     * rows the previous run produced ({@code working}, read by a {@link WorkingTable} inside it) until a run
     * produces none; without {@code all}, rows already produced are dropped. More than {@code maxIterations}
     * runs is an error (MySQL's cte_max_recursion_depth).
     */
    record RecursiveUnion(PhysicalNode seed, PhysicalNode recursive, WorkingRows working, boolean all,
                          long maxIterations, List<OutputColumn> output) implements PhysicalNode {
        public RecursiveUnion {
            output = List.copyOf(output);
        }
    }

    /** The rows of the enclosing {@link RecursiveUnion}'s previous iteration. */
    record WorkingTable(WorkingRows working, List<OutputColumn> output) implements PhysicalNode {
        public WorkingTable {
            output = List.copyOf(output);
        }
    }

    /**
     * INTERSECT ALL or EXCEPT ALL over inputs of the same column types, by counting each distinct row in every
     * input: INTERSECT ALL returns a row as often as it is in every input (the fewest), EXCEPT ALL as often as
     * the first input has it more than all the others together. (The DISTINCT forms are planned as aggregates.)
     */
    record SetOperation(List<PhysicalNode> inputs, boolean intersect, List<OutputColumn> output) implements PhysicalNode {
        public SetOperation {
            inputs = List.copyOf(inputs);
            output = List.copyOf(output);
            if (inputs.size() < 2) {
                throw new IllegalArgumentException("a set operation needs two inputs or more");
            }
        }
    }

    /** Concatenates inputs of the same column types; without {@code all}, removes duplicate rows. */
    record Union(List<PhysicalNode> inputs, boolean all, List<OutputColumn> output) implements PhysicalNode {
        public Union {
            inputs = List.copyOf(inputs);
            output = List.copyOf(output);
        }
    }

    /**
     * Runs {@code workers} copies of {@code input} side by side, each over its part of the rows of the
     * input's driving scan (the one reached through inputs and join probe sides; every other scan, such as
     * a join's build side, is read whole, and a join builds its hash table once for all copies), and
     * returns their batches as they come: in no particular order.
     */
    record Gather(PhysicalNode input, int workers) implements PhysicalNode {
        public Gather {
            if (workers < 2) {
                throw new IllegalArgumentException("a gather needs two or more workers: " + workers);
            }
        }

        @Override
        public List<OutputColumn> output() {
            return input.output();
        }
    }
}
