package io.strata.sql.exec;

import io.strata.compute.expression.json.JsonValue;
import io.strata.compute.expression.json.JsonValue.JsonArray;
import io.strata.compute.expression.json.JsonValue.JsonInteger;
import io.strata.compute.expression.json.JsonValue.JsonObject;
import io.strata.compute.expression.json.JsonValue.JsonString;
import io.strata.compute.expression.json.JsonWriter;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A physical plan as one JSON document ({@code EXPLAIN FORMAT=JSON}): {@code {"query_plan": node}}, where
 * each node is an object with {@code "node"} (its kind: table_scan, key_lookup, filter, project, aggregate,
 * hash_join, sort, limit, window, union, gather, ...), {@code "operation"} (its line in the tree format),
 * the details of its kind (tables, keys, conditions, sort keys, workers) and {@code "inputs"}: its input
 * nodes in the tree's order. Keys come sorted, as MySQL prints JSON.
 */
final class PlanJson {
    private PlanJson() {}

    static String render(PhysicalNode plan) {
        return JsonWriter.write(JsonObject.of(Map.of("query_plan", node(plan))));
    }

    private static JsonValue node(PhysicalNode node) {
        List<PhysicalNode> inputs = new ArrayList<>();
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("operation", new JsonString(PlanTree.describe(node, inputs)));
        members.put("node", new JsonString(kind(node)));
        details(node, members);
        if (!inputs.isEmpty()) {
            List<JsonValue> children = new ArrayList<>();
            for (PhysicalNode input : inputs) {
                children.add(node(input));
            }
            members.put("inputs", new JsonArray(children));
        }
        return JsonObject.of(members);
    }

    private static String kind(PhysicalNode node) {
        return switch (node) {
            case PhysicalNode.Scan scan -> "table_scan";
            case PhysicalNode.KeyLookup lookup -> "key_lookup";
            case PhysicalNode.Join join -> "hash_join";
            case PhysicalNode.Values values -> "rows_fetched_before_execution";
            default -> node.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static void details(PhysicalNode node, Map<String, JsonValue> members) {
        switch (node) {
            case PhysicalNode.Scan scan -> {
                table(scan.table().definition(), members);
                members.put("estimated_rows", new JsonInteger(scan.table().estimatedRowCount()));
            }
            case PhysicalNode.KeyLookup lookup -> {
                TableDefinition table = lookup.scan().table().definition();
                table(table, members);
                members.put("key", new JsonString(lookup.uniqueIndex() == null ? "PRIMARY" : lookup.uniqueIndex()));
                List<JsonValue> parts = new ArrayList<>();
                IntFunction<String> columns = i -> table.columns().get(i).name();
                for (int i = 0; i < lookup.keyColumns().size(); i++) {
                    parts.add(JsonObject.of(Map.of("column", new JsonString(columns.apply(lookup.keyColumns().get(i))),
                            "value", new JsonString(PlanTree.expression(lookup.key().get(i), columns)))));
                }
                members.put("key_parts", new JsonArray(parts));
            }
            case PhysicalNode.Filter filter -> members.put("condition",
                    new JsonString(PlanTree.expression(filter.condition(), PlanTree.names(filter.input().output()))));
            case PhysicalNode.Join join -> join(join, members);
            case PhysicalNode.Sort sort -> members.put("sort_keys",
                    new JsonString(PlanTree.sortKeys(sort.keys(), PlanTree.names(sort.input().output()))));
            case PhysicalNode.Limit limit -> {
                members.put("limit", new JsonInteger(limit.fetch()));
                members.put("offset", new JsonInteger(limit.offset()));
            }
            case PhysicalNode.Aggregate aggregate -> {
                List<JsonValue> keys = new ArrayList<>();
                for (int key : aggregate.groupKeys()) {
                    keys.add(new JsonString(aggregate.input().output().get(key).name()));
                }
                members.put("group_by", new JsonArray(keys));
            }
            case PhysicalNode.Gather gather -> members.put("workers", new JsonInteger(gather.workers()));
            default -> { }
        }
        members.put("columns", columns(node.output()));
    }

    private static void table(TableDefinition table, Map<String, JsonValue> members) {
        members.put("schema", new JsonString(table.database()));
        members.put("table", new JsonString(table.name()));
    }

    private static void join(PhysicalNode.Join join, Map<String, JsonValue> members) {
        members.put("join_type", new JsonString(join.joinType().name().toLowerCase(java.util.Locale.ROOT)));
        List<JsonValue> keys = new ArrayList<>();
        for (int i = 0; i < join.leftKeys().length; i++) {
            keys.add(JsonObject.of(Map.of("probe", new JsonString(join.left().output().get(join.leftKeys()[i]).name()),
                    "build", new JsonString(join.right().output().get(join.rightKeys()[i]).name()))));
        }
        members.put("join_keys", new JsonArray(keys));
        if (join.residual() != null) {
            List<OutputColumn> both = new ArrayList<>(join.left().output());
            both.addAll(join.right().output());
            members.put("residual_condition", new JsonString(PlanTree.expression(join.residual(), PlanTree.names(both))));
        }
    }

    private static JsonValue columns(List<OutputColumn> output) {
        List<JsonValue> names = new ArrayList<>();
        for (OutputColumn column : output) {
            names.add(new JsonString(column.name()));
        }
        return new JsonArray(names);
    }
}
