package io.strata.sql;

import io.strata.compute.expression.json.JsonParser;
import io.strata.compute.expression.json.JsonValue;
import io.strata.compute.expression.json.JsonValue.JsonArray;
import io.strata.compute.expression.json.JsonValue.JsonObject;
import io.strata.compute.expression.json.JsonValue.JsonString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** EXPLAIN FORMAT=JSON is one valid document whose nodes nest as the plan's operators do, tree format alike. */
class ExplainJsonTest extends SessionFixture {
    @Test
    void documentNestsLikeTheTreeFormat() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE t (id INT PRIMARY KEY, k INT, name VARCHAR(10))");
        ok("CREATE TABLE u (id INT PRIMARY KEY, t_id INT)");
        String query = "SELECT t.name, COUNT(*) FROM t JOIN u ON u.t_id = t.id WHERE t.k > 5 GROUP BY t.name ORDER BY 2 DESC";
        List<List<Object>> document = rows("EXPLAIN FORMAT=JSON " + query);
        assertEquals(1, document.size(), "one row");
        JsonValue plan = member(JsonParser.parse((String) document.get(0).get(0)), "query_plan");

        List<String> walked = new ArrayList<>();
        walk(plan, 0, walked);
        List<String> tree = rows("EXPLAIN FORMAT=TREE " + query).stream().map(row -> (String) row.get(0)).toList();
        assertEquals(tree, walked, "each node's operation, in depth-first order and depth, is the tree's line");

        JsonValue join = find(plan, "hash_join");
        JsonArray inputs = assertInstanceOf(JsonArray.class, member(join, "inputs"));
        assertEquals(2, inputs.elements().size());
        assertEquals(List.of("t", "u"), inputs.elements().stream().map(PlanTables::tableBelow).toList(),
                "the probe side reads t, the build side u");
    }

    private static void walk(JsonValue node, int depth, List<String> lines) {
        lines.add("    ".repeat(depth) + "-> " + ((JsonString) member(node, "operation")).value());
        if (member(node, "inputs") instanceof JsonArray inputs) {
            for (JsonValue input : inputs.elements()) {
                walk(input, depth + 1, lines);
            }
        }
    }

    private static JsonValue find(JsonValue node, String kind) {
        if (member(node, "node") instanceof JsonString s && s.value().equals(kind)) {
            return node;
        }
        if (member(node, "inputs") instanceof JsonArray inputs) {
            for (JsonValue input : inputs.elements()) {
                JsonValue found = find(input, kind);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JsonValue member(JsonValue value, String name) {
        return assertInstanceOf(JsonObject.class, value).members().get(name);
    }

    /** The table read at the bottom of a chain of single-input nodes. */
    private static final class PlanTables {
        static String tableBelow(JsonValue node) {
            JsonValue table = member(node, "table");
            if (table instanceof JsonString name) {
                return name.value();
            }
            return tableBelow(((JsonArray) member(node, "inputs")).elements().get(0));
        }
    }
}
