package io.strata.compute.expression.json;

import java.util.Map;

/**
 * JSON_CONTAINS's rule (MySQL 8.0 manual, "Functions That Search JSON Values"): a scalar contains an equal
 * scalar; an array contains a candidate array when it contains each of its elements, and any other candidate
 * when one of its elements contains it; an object contains an object whose every key it has with a value that
 * contains the candidate's.
 */
public final class JsonContainment {
    private JsonContainment() {}

    public static boolean contains(JsonValue target, JsonValue candidate) {
        if (target instanceof JsonValue.JsonArray array) {
            if (candidate instanceof JsonValue.JsonArray wanted) {
                for (JsonValue element : wanted.elements()) {
                    if (!contains(target, element)) {
                        return false;
                    }
                }
                return true;
            }
            for (JsonValue element : array.elements()) {
                if (contains(element, candidate)) {
                    return true;
                }
            }
            return false;
        }
        if (target instanceof JsonValue.JsonObject object) {
            if (!(candidate instanceof JsonValue.JsonObject wanted)) {
                return false;
            }
            for (Map.Entry<String, JsonValue> member : wanted.members().entrySet()) {
                JsonValue have = object.members().get(member.getKey());
                if (have == null || !contains(have, member.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (candidate instanceof JsonValue.JsonArray || candidate instanceof JsonValue.JsonObject) {
            return false;
        }
        return JsonComparison.compare(target, candidate) == 0;
    }
}
