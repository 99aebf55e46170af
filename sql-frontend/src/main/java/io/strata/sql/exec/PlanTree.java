package io.strata.sql.exec;

import io.strata.compute.expression.Expr;
import io.strata.compute.operator.ProfiledOperator;
import io.strata.compute.plan.AggregateCall;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A physical plan as the lines of MySQL's tree format ({@code EXPLAIN FORMAT=TREE}): one operator a line,
 * {@code -> } and four spaces of indent per level, its inputs below it; columns by name, parameters as
 * {@code ?}. With the operators' profiles (EXPLAIN ANALYZE) each line ends with the rows and batches the
 * operator returned and the time spent in it, its inputs included.
 */
final class PlanTree {
    private final Map<PhysicalNode, ProfiledOperator> profiles; // by identity; empty without ANALYZE
    private final List<String> lines = new ArrayList<>();

    private PlanTree(Map<PhysicalNode, ProfiledOperator> profiles) {
        this.profiles = profiles;
    }

    /** The lines of {@code plan}; {@code profiles} maps plan nodes (by identity) to their measured operators. */
    static List<String> render(PhysicalNode plan, Map<PhysicalNode, ProfiledOperator> profiles) {
        PlanTree tree = new PlanTree(profiles);
        tree.node(plan, 0);
        return tree.lines;
    }

    private void node(PhysicalNode node, int depth) {
        List<PhysicalNode> inputs = new ArrayList<>();
        String text = describe(node, inputs);
        lines.add("    ".repeat(depth) + "-> " + text + profile(node));
        for (PhysicalNode input : inputs) {
            node(input, depth + 1);
        }
    }

    /** The text of {@code node}'s line (no indent, no profile); adds its inputs, in order, to {@code inputs}. */
    static String describe(PhysicalNode node, List<PhysicalNode> inputs) {
        return switch (node) {
            case PhysicalNode.Scan scan -> scan(scan);
            case PhysicalNode.KeyLookup lookup -> lookup(lookup);
            case PhysicalNode.Values values -> "Rows fetched before execution: " + values.rows().size();
            case PhysicalNode.Filter filter -> {
                inputs.add(filter.input());
                yield "Filter: " + expression(filter.condition(), names(filter.input().output()));
            }
            case PhysicalNode.Project project -> {
                inputs.add(project.input());
                IntFunction<String> columns = names(project.input().output());
                yield "Project: " + String.join(", ", project.expressions().stream().map(e -> expression(e, columns)).toList());
            }
            case PhysicalNode.Aggregate aggregate -> {
                inputs.add(aggregate.input());
                yield aggregate(aggregate);
            }
            case PhysicalNode.Join join -> {
                inputs.add(join.left());
                inputs.add(join.right());
                yield join(join);
            }
            case PhysicalNode.Sort sort -> {
                inputs.add(sort.input());
                yield "Sort: " + sortKeys(sort.keys(), names(sort.input().output()));
            }
            case PhysicalNode.Limit limit -> {
                inputs.add(limit.input());
                yield "Limit: " + (limit.fetch() < 0 ? "all" : limit.fetch()) + " row(s)"
                        + (limit.offset() > 0 ? " offset " + limit.offset() : "");
            }
            case PhysicalNode.RecursiveUnion recursive -> {
                inputs.add(recursive.seed());
                inputs.add(recursive.recursive());
                yield "Recursive union" + (recursive.all() ? " all" : " (distinct)") + ", at most "
                        + recursive.maxIterations() + " iterations";
            }
            case PhysicalNode.WorkingTable working -> "Rows of the previous iteration";
            case PhysicalNode.Window window -> {
                inputs.add(window.input());
                yield window(window);
            }
            case PhysicalNode.SetOperation operation -> {
                inputs.addAll(operation.inputs());
                yield (operation.intersect() ? "Intersect all" : "Except all") + " (by counting rows)";
            }
            case PhysicalNode.Gather gather -> {
                inputs.add(gather.input());
                yield "Gather: " + gather.workers() + " workers";
            }
            case PhysicalNode.Union union -> {
                inputs.addAll(union.inputs());
                yield union.all() ? "Union all" : "Union (distinct)";
            }
        };
    }

    private String profile(PhysicalNode node) {
        ProfiledOperator operator = profiles.get(node);
        if (operator == null) {
            return "";
        }
        return String.format(Locale.ROOT, "  (actual rows=%d batches=%d time=%.3f ms)", operator.rows(), operator.batches(),
                operator.nanos() / 1_000_000.0);
    }

    private static String scan(PhysicalNode.Scan scan) {
        TableDefinition table = scan.table().definition();
        StringBuilder text = new StringBuilder("Table scan on ").append(table.database()).append('.').append(table.name());
        if (!scan.ranges().isEmpty()) {
            IntFunction<String> columns = i -> table.columns().get(i).name();
            List<String> ranges = new ArrayList<>();
            for (PhysicalNode.ScanRange range : scan.ranges()) {
                String column = columns.apply(range.column());
                String lower = range.lower() == null ? null : expression(range.lower(), columns);
                String upper = range.upper() == null ? null : expression(range.upper(), columns);
                ranges.add(lower == null ? column + " <= " + upper
                        : upper == null ? column + " >= " + lower : column + " in [" + lower + ", " + upper + "]");
            }
            text.append(", blocks pruned by zone maps: ").append(String.join(" and ", ranges));
        }
        return text.toString();
    }

    private static String lookup(PhysicalNode.KeyLookup lookup) {
        TableDefinition table = lookup.scan().table().definition();
        IntFunction<String> columns = i -> table.columns().get(i).name();
        List<String> parts = new ArrayList<>();
        List<Integer> keyColumns = lookup.keyColumns();
        for (int i = 0; i < keyColumns.size(); i++) {
            parts.add(columns.apply(keyColumns.get(i)) + " = " + expression(lookup.key().get(i), columns));
        }
        return "Single-row lookup on " + table.database() + "." + table.name() + " using "
                + (lookup.uniqueIndex() == null ? "PRIMARY" : lookup.uniqueIndex()) + " (" + String.join(", ", parts) + ")";
    }

    private static String aggregate(PhysicalNode.Aggregate aggregate) {
        IntFunction<String> columns = names(aggregate.input().output());
        List<String> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.calls()) {
            List<String> arguments = new ArrayList<>();
            for (int argument : call.arguments()) {
                arguments.add(columns.apply(argument));
            }
            String name = call.function().name().toLowerCase(Locale.ROOT);
            calls.add(name.equals("count_star") ? "count(*)"
                    : name + "(" + (call.distinct() ? "DISTINCT " : "") + String.join(", ", arguments) + ")");
        }
        List<String> keys = new ArrayList<>();
        for (int key : aggregate.groupKeys()) {
            keys.add(columns.apply(key));
        }
        String text = keys.isEmpty() ? "Aggregate: " : "Group (hash): " + String.join(", ", keys) + (calls.isEmpty() ? "" : "; ");
        return text + String.join(", ", calls);
    }

    private static String join(PhysicalNode.Join join) {
        List<OutputColumn> left = join.left().output();
        List<OutputColumn> right = join.right().output();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < join.leftKeys().length; i++) {
            keys.add(left.get(join.leftKeys()[i]).name() + " = " + right.get(join.rightKeys()[i]).name());
        }
        String text = "Hash " + join.joinType().name().toLowerCase(Locale.ROOT) + " join"
                + (keys.isEmpty() ? " (no keys: every pair)" : ": " + String.join(" and ", keys));
        if (join.residual() != null) {
            List<OutputColumn> both = new ArrayList<>(left);
            both.addAll(right);
            text += ", then " + expression(join.residual(), names(both));
        }
        return text;
    }

    private static String window(PhysicalNode.Window window) {
        IntFunction<String> columns = names(window.input().output());
        List<String> groups = new ArrayList<>();
        for (io.strata.compute.plan.WindowGroup group : window.groups()) {
            List<String> calls = new ArrayList<>();
            for (io.strata.compute.plan.WindowGroup.Call call : group.calls()) {
                calls.add(call.function().name().toLowerCase(Locale.ROOT) + "("
                        + String.join(", ", call.arguments().stream().map(a -> expression(a, columns)).toList()) + ")");
            }
            List<String> frame = new ArrayList<>();
            if (group.partitionKeys().length > 0) {
                List<String> keys = new ArrayList<>();
                for (int key : group.partitionKeys()) {
                    keys.add(columns.apply(key));
                }
                frame.add("partition by " + String.join(", ", keys));
            }
            if (!group.orderKeys().isEmpty()) {
                frame.add("order by " + sortKeys(group.orderKeys(), columns));
            }
            frame.add((group.rows() ? "rows" : "range") + " between " + bound(group.lower()) + " and " + bound(group.upper()));
            groups.add(String.join(", ", calls) + " over (" + String.join(" ", frame) + ")");
        }
        return "Window: " + String.join("; ", groups);
    }

    private static String bound(io.strata.compute.plan.FrameBound bound) {
        return switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> "unbounded preceding";
            case PRECEDING -> (bound.isValueOffset() ? bound.range().toString() : String.valueOf(bound.offset())) + " preceding";
            case CURRENT_ROW -> "current row";
            case FOLLOWING -> (bound.isValueOffset() ? bound.range().toString() : String.valueOf(bound.offset())) + " following";
            case UNBOUNDED_FOLLOWING -> "unbounded following";
        };
    }

    static String sortKeys(List<SortKey> keys, IntFunction<String> columns) {
        List<String> parts = new ArrayList<>();
        for (SortKey key : keys) {
            parts.add(columns.apply(key.column()) + (key.descending() ? " DESC" : ""));
        }
        return String.join(", ", parts);
    }

    static IntFunction<String> names(List<OutputColumn> columns) {
        return i -> i < columns.size() ? columns.get(i).name() : "#" + i;
    }

    /** An expression as SQL-like text; column references by {@code columns}. */
    static String expression(Expr expr, IntFunction<String> columns) {
        return switch (expr) {
            case Expr.ColumnRef ref -> columns.apply(ref.index());
            case Expr.Parameter parameter -> "?";
            case Expr.Literal literal -> literal.value() == null ? "NULL"
                    : literal.value() instanceof String text ? "'" + text.replace("'", "''") + "'" : String.valueOf(literal.value());
            case Expr.Call call -> call(call, columns);
        };
    }

    private static String call(Expr.Call call, IntFunction<String> columns) {
        List<String> args = call.arguments().stream().map(argument -> expression(argument, columns)).toList();
        String infix = switch (call.function()) {
            case PLUS -> "+";
            case MINUS -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case INT_DIVIDE -> "DIV";
            case MOD -> "%";
            case EQUALS -> "=";
            case NOT_EQUALS -> "<>";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            case IS_NOT_DISTINCT_FROM -> "<=>";
            case AND -> "and";
            case OR -> "or";
            case LIKE -> "like";
            case NOT_LIKE -> "not like";
            default -> null;
        };
        if (infix != null && args.size() >= 2) {
            return "(" + String.join(" " + infix + " ", args) + ")";
        }
        return switch (call.function()) {
            case NOT -> "(not " + args.get(0) + ")";
            case NEGATE -> "-" + args.get(0);
            case IS_NULL -> "(" + args.get(0) + " is null)";
            case IS_NOT_NULL -> "(" + args.get(0) + " is not null)";
            case BETWEEN -> "(" + args.get(0) + " between " + args.get(1) + " and " + args.get(2) + ")";
            case IN -> "(" + args.get(0) + " in (" + String.join(", ", args.subList(1, args.size())) + "))";
            case CAST -> "cast(" + args.get(0) + " as " + call.type() + ")";
            default -> call.function().name().toLowerCase(Locale.ROOT) + "(" + String.join(", ", args) + ")";
        };
    }
}
