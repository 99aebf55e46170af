package io.strata.compute.expression.json;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ScalarFunction;

/**
 * JSON_SET, JSON_INSERT, JSON_REPLACE (document, then path/value pairs) and JSON_REMOVE (document, then paths),
 * applied left to right, each to the previous one's result. A NULL document or path gives NULL; a NULL value
 * is written as JSON null.
 */
final class JsonEditFunctions {
    private JsonEditFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int rows, JsonPathCache paths) {
        Column out = Column.allocate(type, rows);
        boolean remove = function == ScalarFunction.JSON_REMOVE;
        int step = remove ? 1 : 2;
        for (int row = 0; row < rows; row++) {
            if (pathOrDocumentNull(arguments, row, step)) {
                out.nulls()[row] = true;
                continue;
            }
            JsonValue document = JsonArguments.document(arguments[0], row, 1, function.name());
            for (int a = 1; a < arguments.length; a += step) {
                JsonPath path = paths.get(JsonArguments.text(arguments[a], row));
                document = remove ? JsonModifier.remove(document, path)
                        : JsonModifier.write(document, path, JsonArguments.value(arguments[a + 1], row), mode(function));
            }
            out.set(row, JsonWriter.write(document));
        }
        return out;
    }

    private static boolean pathOrDocumentNull(Column[] arguments, int row, int step) {
        if (arguments[0].isNull(row)) {
            return true;
        }
        for (int a = 1; a < arguments.length; a += step) {
            if (arguments[a].isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static JsonModifier.Mode mode(ScalarFunction function) {
        return switch (function) {
            case JSON_SET -> JsonModifier.Mode.SET;
            case JSON_INSERT -> JsonModifier.Mode.INSERT;
            case JSON_REPLACE -> JsonModifier.Mode.REPLACE;
            default -> throw new IllegalArgumentException("not a JSON write: " + function);
        };
    }
}
