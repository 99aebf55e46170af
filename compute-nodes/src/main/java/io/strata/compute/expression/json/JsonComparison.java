package io.strata.compute.expression.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * MySQL's order of JSON values (MySQL 8.0 manual, "Comparison and Ordering of JSON Values"): values of
 * different types order by type precedence (BOOLEAN > ARRAY > OBJECT > STRING > numbers > NULL); numbers
 * compare numerically across kinds, strings by their utf8mb4 bytes, arrays element by element then by length,
 * booleans false before true. Objects only compare equal or unequal; MySQL leaves their order unspecified,
 * here it is their text's.
 */
public final class JsonComparison {
    private JsonComparison() {}

    public static int compare(JsonValue a, JsonValue b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return switch (a) {
            case JsonValue.JsonString s -> Arrays.compareUnsigned(s.value().getBytes(StandardCharsets.UTF_8),
                    ((JsonValue.JsonString) b).value().getBytes(StandardCharsets.UTF_8));
            case JsonValue.JsonBoolean bool -> Boolean.compare(bool.value(), ((JsonValue.JsonBoolean) b).value());
            case JsonValue.JsonArray array -> compareArrays(array.elements(), ((JsonValue.JsonArray) b).elements());
            case JsonValue.JsonObject object -> compareObjects(object, (JsonValue.JsonObject) b);
            case JsonValue.JsonNull ignored -> 0;
            default -> compareNumbers(a, b);
        };
    }

    private static int rank(JsonValue value) {
        return switch (value) {
            case JsonValue.JsonNull ignored -> 0;
            case JsonValue.JsonString ignored -> 2;
            case JsonValue.JsonObject ignored -> 3;
            case JsonValue.JsonArray ignored -> 4;
            case JsonValue.JsonBoolean ignored -> 5;
            default -> 1; // numbers
        };
    }

    private static int compareNumbers(JsonValue a, JsonValue b) {
        if (a instanceof JsonValue.JsonInteger x && b instanceof JsonValue.JsonInteger y) {
            return Long.compare(x.value(), y.value());
        }
        if (a instanceof JsonValue.JsonDouble x && b instanceof JsonValue.JsonDouble y) {
            return Double.compare(x.value(), y.value());
        }
        return a.toBigDecimal().compareTo(b.toBigDecimal());
    }

    private static int compareArrays(List<JsonValue> a, List<JsonValue> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareObjects(JsonValue.JsonObject a, JsonValue.JsonObject b) {
        if (a.members().size() != b.members().size()) {
            return Integer.compare(a.members().size(), b.members().size());
        }
        Iterator<Map.Entry<String, JsonValue>> left = a.members().entrySet().iterator();
        Iterator<Map.Entry<String, JsonValue>> right = b.members().entrySet().iterator();
        while (left.hasNext()) {
            Map.Entry<String, JsonValue> x = left.next();
            Map.Entry<String, JsonValue> y = right.next();
            int c = JsonKeyOrder.INSTANCE.compare(x.getKey(), y.getKey());
            if (c == 0) {
                c = compare(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
