package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON_SET, JSON_INSERT, JSON_REPLACE and JSON_REMOVE on one document and one path: a new document that
 * shares the untouched parts. Paths here may not hold wildcards or ranges (error 3149). As in MySQL, a
 * cell past an array's end appends, and a cell applied to a non-array wraps it into an array first.
 */
public final class JsonModifier {
    /** Which of an existing value and a missing one the write touches. */
    public enum Mode {
        /** JSON_SET: both. */
        SET(true, true),
        /** JSON_INSERT: only missing values. */
        INSERT(false, true),
        /** JSON_REPLACE: only existing values. */
        REPLACE(true, false);

        private final boolean replaces;
        private final boolean adds;

        Mode(boolean replaces, boolean adds) {
            this.replaces = replaces;
            this.adds = adds;
        }
    }

    private JsonModifier() {}

    /** {@code document} with {@code value} written at {@code path} as {@code mode} allows. */
    public static JsonValue write(JsonValue document, JsonPath path, JsonValue value, Mode mode) {
        checkNoWildcard(path);
        if (path.legs().isEmpty()) {
            return mode.replaces ? value : document;
        }
        return along(document, path.legs(), 0, (parent, last) -> writeLast(parent, last, value, mode));
    }

    /** {@code document} without the value at {@code path} (unchanged when there is none). */
    public static JsonValue remove(JsonValue document, JsonPath path) {
        checkNoWildcard(path);
        if (path.legs().isEmpty()) {
            throw new StrataException(ErrorCode.ER_JSON_VACUOUS_PATH, "The path expression '$' is not allowed in this context.");
        }
        return along(document, path.legs(), 0, JsonModifier::removeLast);
    }

    private static void checkNoWildcard(JsonPath path) {
        if (path.hasWildcard()) {
            throw new StrataException(ErrorCode.ER_INVALID_JSON_PATH_WILDCARD,
                    "In this situation, path expressions may not contain the * and ** tokens or an array range.");
        }
    }

    private interface LastLeg {
        JsonValue apply(JsonValue parent, JsonPath.Leg last);
    }

    /** Rebuilds the values from {@code node} down to the parent of the last leg, where {@code change} applies. */
    private static JsonValue along(JsonValue node, List<JsonPath.Leg> legs, int index, LastLeg change) {
        JsonPath.Leg leg = legs.get(index);
        if (index == legs.size() - 1) {
            return change.apply(node, leg);
        }
        if (leg instanceof JsonPath.Member member) {
            if (node instanceof JsonValue.JsonObject object && object.members().containsKey(member.key())) {
                JsonValue child = object.members().get(member.key());
                JsonValue changed = along(child, legs, index + 1, change);
                return changed == child ? node : object.with(member.key(), changed);
            }
            return node;
        }
        long cell = ((JsonPath.ArrayCell) leg).index().resolve(JsonPath.elementsOrSelf(node).size());
        if (!(node instanceof JsonValue.JsonArray array)) {
            return cell == 0 ? along(node, legs, index + 1, change) : node;
        }
        if (cell < 0 || cell >= array.elements().size()) {
            return node;
        }
        JsonValue child = array.elements().get((int) cell);
        JsonValue changed = along(child, legs, index + 1, change);
        if (changed == child) {
            return node;
        }
        List<JsonValue> elements = new ArrayList<>(array.elements());
        elements.set((int) cell, changed);
        return new JsonValue.JsonArray(elements);
    }

    private static JsonValue writeLast(JsonValue parent, JsonPath.Leg last, JsonValue value, Mode mode) {
        if (last instanceof JsonPath.Member member) {
            if (!(parent instanceof JsonValue.JsonObject object)) {
                return parent;
            }
            boolean exists = object.members().containsKey(member.key());
            return (exists ? mode.replaces : mode.adds) ? object.with(member.key(), value) : parent;
        }
        List<JsonValue> elements = JsonPath.elementsOrSelf(parent);
        long cell = ((JsonPath.ArrayCell) last).index().resolve(elements.size());
        if (cell >= 0 && cell < elements.size()) {
            if (!mode.replaces) {
                return parent;
            }
            if (!(parent instanceof JsonValue.JsonArray)) {
                return value;
            }
            List<JsonValue> changed = new ArrayList<>(elements);
            changed.set((int) cell, value);
            return new JsonValue.JsonArray(changed);
        }
        if (cell < 0 || !mode.adds) {
            return parent;
        }
        List<JsonValue> appended = new ArrayList<>(elements);
        appended.add(value);
        return new JsonValue.JsonArray(appended);
    }

    private static JsonValue removeLast(JsonValue parent, JsonPath.Leg last) {
        if (last instanceof JsonPath.Member member) {
            return parent instanceof JsonValue.JsonObject object && object.members().containsKey(member.key())
                    ? object.without(member.key()) : parent;
        }
        if (!(parent instanceof JsonValue.JsonArray array)) {
            return parent;
        }
        long cell = ((JsonPath.ArrayCell) last).index().resolve(array.elements().size());
        if (cell < 0 || cell >= array.elements().size()) {
            return parent;
        }
        List<JsonValue> elements = new ArrayList<>(array.elements());
        elements.remove((int) cell);
        return new JsonValue.JsonArray(elements);
    }
}
