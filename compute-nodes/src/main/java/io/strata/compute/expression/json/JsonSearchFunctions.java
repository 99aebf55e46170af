package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ScalarFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** JSON_EXTRACT (and {@code ->}), JSON_CONTAINS_PATH, JSON_LENGTH, JSON_KEYS, JSON_CONTAINS: functions that follow paths. */
final class JsonSearchFunctions {
    private JsonSearchFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int rows, JsonPathCache paths) {
        Column out = Column.allocate(type, rows);
        String name = function.name();
        for (int row = 0; row < rows; row++) {
            if (JsonFunctions.anyNull(arguments, row)) {
                out.nulls()[row] = true;
                continue;
            }
            Object value = switch (function) {
                case JSON_EXTRACT -> extract(arguments, row, paths);
                case JSON_CONTAINS_PATH -> containsPath(arguments, row, paths);
                case JSON_LENGTH -> length(arguments, row, paths);
                case JSON_KEYS -> keys(arguments, row, paths);
                case JSON_CONTAINS -> contains(arguments, row, paths);
                default -> throw new IllegalArgumentException("not a path function: " + name);
            };
            out.set(row, value);
        }
        return out;
    }

    private static JsonPath path(Column[] arguments, int index, int row, JsonPathCache paths) {
        return paths.get(JsonArguments.text(arguments[index], row));
    }

    /** One path without wildcards matches its value alone; several paths or wildcards wrap every match in an array. */
    private static String extract(Column[] arguments, int row, JsonPathCache paths) {
        JsonValue document = JsonArguments.document(arguments[0], row, 1, "JSON_EXTRACT");
        List<JsonValue> found = new ArrayList<>();
        boolean wrap = arguments.length > 2;
        for (int a = 1; a < arguments.length; a++) {
            JsonPath path = path(arguments, a, row, paths);
            wrap |= path.hasWildcard();
            found.addAll(path.evaluate(document));
        }
        if (found.isEmpty()) {
            return null;
        }
        return JsonWriter.write(wrap ? new JsonValue.JsonArray(found) : found.get(0));
    }

    private static Long containsPath(Column[] arguments, int row, JsonPathCache paths) {
        JsonValue document = JsonArguments.document(arguments[0], row, 1, "JSON_CONTAINS_PATH");
        String mode = JsonArguments.text(arguments[1], row).toLowerCase(Locale.ROOT);
        boolean all = mode.equals("all");
        if (!all && !mode.equals("one")) {
            throw new StrataException(ErrorCode.ER_INVALID_JSON_CONTAINS_PATH_TYPE,
                    "The oneOrAll argument to json_contains_path may take these values: 'one' or 'all'.");
        }
        for (int a = 2; a < arguments.length; a++) {
            boolean found = !path(arguments, a, row, paths).evaluate(document).isEmpty();
            if (found != all) {
                return found ? 1L : 0L;
            }
        }
        return all ? 1L : 0L;
    }

    /** The value at the optional path, or null when the path finds nothing; paths with wildcards are error 3149. */
    private static JsonValue target(Column[] arguments, int pathIndex, JsonValue document, int row, JsonPathCache paths) {
        if (arguments.length <= pathIndex) {
            return document;
        }
        JsonPath path = path(arguments, pathIndex, row, paths);
        if (path.hasWildcard()) {
            throw new StrataException(ErrorCode.ER_INVALID_JSON_PATH_WILDCARD,
                    "In this situation, path expressions may not contain the * and ** tokens or an array range.");
        }
        List<JsonValue> found = path.evaluate(document);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Long length(Column[] arguments, int row, JsonPathCache paths) {
        JsonValue value = target(arguments, 1, JsonArguments.document(arguments[0], row, 1, "JSON_LENGTH"), row, paths);
        return switch (value) {
            case null -> null;
            case JsonValue.JsonArray array -> (long) array.elements().size();
            case JsonValue.JsonObject object -> (long) object.members().size();
            default -> 1L;
        };
    }

    private static String keys(Column[] arguments, int row, JsonPathCache paths) {
        JsonValue value = target(arguments, 1, JsonArguments.document(arguments[0], row, 1, "JSON_KEYS"), row, paths);
        if (!(value instanceof JsonValue.JsonObject object)) {
            return null;
        }
        List<JsonValue> keys = new ArrayList<>(object.members().size());
        for (String key : object.members().keySet()) {
            keys.add(new JsonValue.JsonString(key));
        }
        return JsonWriter.write(new JsonValue.JsonArray(keys));
    }

    private static Long contains(Column[] arguments, int row, JsonPathCache paths) {
        JsonValue document = JsonArguments.document(arguments[0], row, 1, "JSON_CONTAINS");
        JsonValue candidate = JsonArguments.document(arguments[1], row, 2, "JSON_CONTAINS");
        JsonValue value = target(arguments, 2, document, row, paths);
        if (value == null) {
            return null;
        }
        return JsonContainment.contains(value, candidate) ? 1L : 0L;
    }
}
