package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing MySQL JSON paths, evaluating them, and writing through them. */
class JsonPathTest {
    private static final String DOCUMENT = "{\"a\": {\"b\": [10, 20, 30]}, \"c\": {\"b\": 2}, \"key with space\": 7}";

    private static String find(String document, String path) {
        List<JsonValue> found = JsonPathParser.parse(path).evaluate(JsonParser.parse(document));
        return JsonWriter.write(new JsonValue.JsonArray(found));
    }

    @Test
    void parsesEveryKindOfLeg() {
        JsonPath path = JsonPathParser.parse(" $ . a.\"x y\"[3][last - 1][1 to last]**[*].* ");
        assertEquals(List.of(new JsonPath.Member("a"), new JsonPath.Member("x y"),
                new JsonPath.ArrayCell(new JsonPath.ArrayIndex(3, false)),
                new JsonPath.ArrayCell(new JsonPath.ArrayIndex(1, true)),
                new JsonPath.ArrayRange(new JsonPath.ArrayIndex(1, false), new JsonPath.ArrayIndex(0, true)),
                new JsonPath.Ellipsis(), new JsonPath.ArrayWildcard(), new JsonPath.MemberWildcard()), path.legs());
        assertTrue(path.hasWildcard());
        assertFalse(JsonPathParser.parse("$.a[0]").hasWildcard());
    }

    @Test
    void badPathsAreError3143WithThePosition() {
        for (String bad : List.of("", "a", "$.", "$a", "$[", "$[x]", "$[1", "$**", "$.a**", "$[3 to 1]", "$.\"open", "$[-1]")) {
            StrataException error = assertThrows(StrataException.class, () -> JsonPathParser.parse(bad), bad);
            assertEquals(ErrorCode.ER_INVALID_JSON_PATH, error.code(), bad);
        }
        StrataException error = assertThrows(StrataException.class, () -> JsonPathParser.parse("$.a b"));
        assertTrue(error.getMessage().endsWith("around character position 4."), error.getMessage());
    }

    @Test
    void followsMembersCellsAndRanges() {
        assertEquals("[[10, 20, 30]]", find(DOCUMENT, "$.a.b"));
        assertEquals("[20]", find(DOCUMENT, "$.a.b[1]"));
        assertEquals("[30]", find(DOCUMENT, "$.a.b[last]"));
        assertEquals("[20]", find(DOCUMENT, "$.a.b[last-1]"));
        assertEquals("[20, 30]", find(DOCUMENT, "$.a.b[1 to 5]"));
        assertEquals("[7]", find(DOCUMENT, "$.\"key with space\""));
        assertEquals("[]", find(DOCUMENT, "$.a.b[3]"));
        assertEquals("[]", find(DOCUMENT, "$.missing"));
    }

    @Test
    void wildcardsAndEllipsisFindEveryMatchInDocumentOrder() {
        assertEquals("[{\"b\": [10, 20, 30]}, {\"b\": 2}, 7]", find(DOCUMENT, "$.*"));
        assertEquals("[[10, 20, 30], 2]", find(DOCUMENT, "$**.b"));
        assertEquals("[10, 20, 30]", find(DOCUMENT, "$.a.b[*]"));
    }

    @Test
    void aCellOnANonArrayIsTheValueItself() {
        assertEquals("[{\"b\": 2}]", find(DOCUMENT, "$.c[0]"));
        assertEquals("[{\"b\": 2}]", find(DOCUMENT, "$.c[last]"));
        assertEquals("[]", find(DOCUMENT, "$.c[1]"));
    }

    @Test
    void setInsertAndReplaceTouchWhatTheirModeAllows() {
        JsonValue document = JsonParser.parse("{\"a\": 1, \"l\": [1, 2]}");
        JsonValue two = new JsonValue.JsonInteger(2);
        assertEquals("{\"a\": 2, \"l\": [1, 2]}", write(document, "$.a", two, JsonModifier.Mode.SET));
        assertEquals("{\"a\": 1, \"l\": [1, 2]}", write(document, "$.a", two, JsonModifier.Mode.INSERT));
        assertEquals("{\"a\": 1, \"b\": 2, \"l\": [1, 2]}", write(document, "$.b", two, JsonModifier.Mode.INSERT));
        assertEquals("{\"a\": 1, \"l\": [1, 2]}", write(document, "$.b", two, JsonModifier.Mode.REPLACE));
        assertEquals("{\"a\": 1, \"l\": [1, 2, 2]}", write(document, "$.l[5]", two, JsonModifier.Mode.SET));
        assertEquals("{\"a\": [1, 2], \"l\": [1, 2]}", write(document, "$.a[1]", two, JsonModifier.Mode.INSERT));
        assertEquals("{\"a\": 2, \"l\": [1, 2]}", write(document, "$.a[0]", two, JsonModifier.Mode.REPLACE));
        assertEquals("{\"a\": 1, \"l\": [1, 2]}", write(document, "$.x.y", two, JsonModifier.Mode.SET));
        assertEquals("2", write(document, "$", two, JsonModifier.Mode.SET));
    }

    @Test
    void removeDropsMembersAndElementsAndRefusesTheRoot() {
        JsonValue document = JsonParser.parse("{\"a\": 1, \"l\": [1, 2, 3]}");
        assertEquals("{\"l\": [1, 2, 3]}", JsonWriter.write(JsonModifier.remove(document, JsonPathParser.parse("$.a"))));
        assertEquals("{\"a\": 1, \"l\": [1, 3]}", JsonWriter.write(JsonModifier.remove(document, JsonPathParser.parse("$.l[1]"))));
        assertEquals(ErrorCode.ER_JSON_VACUOUS_PATH, assertThrows(StrataException.class,
                () -> JsonModifier.remove(document, JsonPathParser.parse("$"))).code());
        assertEquals(ErrorCode.ER_INVALID_JSON_PATH_WILDCARD, assertThrows(StrataException.class,
                () -> JsonModifier.remove(document, JsonPathParser.parse("$.*"))).code());
    }

    @Test
    void containmentFollowsMysqlRules() {
        JsonValue target = JsonParser.parse("{\"a\": 1, \"b\": [1, 2, {\"c\": 3}]}");
        assertTrue(JsonContainment.contains(target, JsonParser.parse("{\"a\": 1}")));
        assertTrue(JsonContainment.contains(target, JsonParser.parse("{\"b\": [2, 1]}")));
        assertTrue(JsonContainment.contains(target, JsonParser.parse("{\"b\": {\"c\": 3}}")));
        assertFalse(JsonContainment.contains(target, JsonParser.parse("{\"a\": 2}")));
        assertFalse(JsonContainment.contains(target, JsonParser.parse("1")));
        assertTrue(JsonContainment.contains(JsonParser.parse("[1, 2.0]"), JsonParser.parse("2")));
    }

    private static String write(JsonValue document, String path, JsonValue value, JsonModifier.Mode mode) {
        return JsonWriter.write(JsonModifier.write(document, JsonPathParser.parse(path), value, mode));
    }
}
