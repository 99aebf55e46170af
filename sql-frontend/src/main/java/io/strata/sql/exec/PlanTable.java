package io.strata.sql.exec;

import io.strata.common.type.DataType;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A physical plan as MySQL's tabular EXPLAIN ({@code FORMAT=TRADITIONAL}): a row per table access in join
 * order, with MySQL's twelve columns. A full scan is type ALL, a lookup by the primary key or a UNIQUE key
 * const (ref const, 1 row); Extra says Using where (a filter above the access, or a hash join's condition),
 * Using join buffer (hash join) (a join's build side), Using temporary (grouping, windows, distinct unions) and
 * Using filesort (sorting), the last two on the first table as MySQL puts them. Each branch of a UNION is a
 * select of its own (PRIMARY, UNION) followed by a UNION RESULT row. Gathers are not shown.
 */
final class PlanTable {
    static final List<String> COLUMNS = List.of("id", "select_type", "table", "partitions", "type", "possible_keys", "key",
            "key_len", "ref", "rows", "filtered", "Extra");

    private final List<Object[]> rows = new ArrayList<>();
    private final List<Set<String>> extras = new ArrayList<>();
    private int selectId = 1;
    private String selectType = "SIMPLE";
    private int selectFirstRow;

    private PlanTable() {}

    /** The rows for {@code plan}, each holding the values of {@link #COLUMNS}. */
    static List<Object[]> rows(PhysicalNode plan) {
        PlanTable table = new PlanTable();
        table.select(plan);
        for (int i = 0; i < table.rows.size(); i++) {
            table.rows.get(i)[11] = table.extras.get(i).isEmpty() ? null : String.join("; ", table.extras.get(i));
        }
        return table.rows;
    }

    private void select(PhysicalNode root) {
        selectFirstRow = rows.size();
        node(root, false);
        if (rows.size() == selectFirstRow) { // nothing read from a table
            access(null, null, "No tables used");
        }
    }

    /** @param filtered whether a filter lies between this node and the access below it */
    private void node(PhysicalNode node, boolean filtered) {
        switch (node) {
            case PhysicalNode.Scan scan -> scanRow(scan, filtered);
            case PhysicalNode.KeyLookup lookup -> lookupRow(lookup);
            case PhysicalNode.Values values -> { }
            case PhysicalNode.WorkingTable working -> access(null, null, null);
            case PhysicalNode.Filter filter -> node(filter.input(), true);
            case PhysicalNode.Project project -> node(project.input(), filtered);
            case PhysicalNode.Gather gather -> node(gather.input(), filtered);
            case PhysicalNode.Limit limit -> node(limit.input(), filtered);
            case PhysicalNode.Sort sort -> afterFirstAccess(sort.input(), filtered, "Using filesort");
            case PhysicalNode.Aggregate aggregate -> afterFirstAccess(aggregate.input(), filtered,
                    aggregate.groupKeys().length > 0 ? "Using temporary" : null);
            case PhysicalNode.Window window -> afterFirstAccess(window.input(), filtered, "Using temporary");
            case PhysicalNode.Join join -> {
                node(join.left(), filtered);
                int buildFirst = rows.size();
                node(join.right(), filtered);
                for (int i = buildFirst; i < rows.size(); i++) {
                    if (join.leftKeys().length > 0 || join.residual() != null) {
                        extras.get(i).add("Using where");
                    }
                    extras.get(i).add("Using join buffer (hash join)");
                }
            }
            case PhysicalNode.Union union -> union(union.inputs(), !union.all());
            case PhysicalNode.SetOperation operation -> union(operation.inputs(), true);
            case PhysicalNode.RecursiveUnion recursive -> union(List.of(recursive.seed(), recursive.recursive()), !recursive.all());
        }
    }

    /** Walks {@code input}, then marks the select's first table with {@code extra} (MySQL puts it there). */
    private void afterFirstAccess(PhysicalNode input, boolean filtered, String extra) {
        node(input, filtered);
        if (extra != null && rows.size() > selectFirstRow) {
            extras.get(selectFirstRow).add(extra);
        }
    }

    private void union(List<PhysicalNode> inputs, boolean distinct) {
        int first = selectId;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            selectType = i == 0 ? (first == 1 ? "PRIMARY" : "DERIVED") : "UNION";
            ids.add(String.valueOf(selectId));
            select(inputs.get(i));
            selectId++;
        }
        Object[] row = newRow(null, "UNION RESULT", "<union" + String.join(",", ids) + ">");
        row[4] = "ALL";
        rows.add(row);
        extras.add(new LinkedHashSet<>(distinct ? List.of("Using temporary") : List.of()));
    }

    private void scanRow(PhysicalNode.Scan scan, boolean filtered) {
        TableDefinition table = scan.table().definition();
        Object[] row = access(table.name(), "ALL", filtered ? "Using where" : null);
        row[9] = scan.table().estimatedRowCount();
    }

    private void lookupRow(PhysicalNode.KeyLookup lookup) {
        TableDefinition table = lookup.scan().table().definition();
        String key = lookup.uniqueIndex() == null ? "PRIMARY" : lookup.uniqueIndex();
        Object[] row = access(table.name(), "const", null);
        row[5] = key;
        row[6] = key;
        long length = 0;
        List<String> refs = new ArrayList<>();
        for (int column : lookup.keyColumns()) {
            length += keyLength(table.columns().get(column));
            refs.add("const");
        }
        row[7] = String.valueOf(length);
        row[8] = String.join(",", refs);
        row[9] = 1L;
    }

    private Object[] access(String table, String type, String extra) {
        Object[] row = newRow(selectId, selectType, table);
        row[4] = type;
        row[10] = table == null ? null : "100.00";
        rows.add(row);
        Set<String> notes = new LinkedHashSet<>();
        if (extra != null) {
            notes.add(extra);
        }
        extras.add(notes);
        return row;
    }

    private static Object[] newRow(Integer id, String selectType, String table) {
        Object[] row = new Object[COLUMNS.size()];
        row[0] = id == null ? null : (long) id;
        row[1] = selectType;
        row[2] = table;
        return row;
    }

    /** MySQL's key_len: the column's bytes in an index (utf8mb4: 4 a character, 2 for a VARCHAR's length), +1 if nullable. */
    private static long keyLength(ColumnDefinition column) {
        DataType type = column.type();
        long bytes = switch (type.kind()) {
            case TINYINT, BOOLEAN -> 1;
            case SMALLINT -> 2;
            case INT -> 4;
            case DATE -> 3;
            case TIME -> 3 + (type.precision() + 1) / 2;
            case DATETIME -> 5 + (type.precision() + 1) / 2;
            case TIMESTAMP -> 4 + (type.precision() + 1) / 2;
            case FLOAT -> 4;
            case CHAR -> 4L * type.precision();
            case VARCHAR -> 4L * type.precision() + 2;
            default -> 8;
        };
        return bytes + (column.nullable() ? 1 : 0);
    }
}
