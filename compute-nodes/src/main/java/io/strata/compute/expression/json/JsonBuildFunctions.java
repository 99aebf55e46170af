package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ScalarFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** JSON_OBJECT(key, value, ...) and JSON_ARRAY(value, ...): NULL values become JSON null; a NULL key is error 3158. */
final class JsonBuildFunctions {
    private JsonBuildFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int rows) {
        Column out = Column.allocate(type, rows);
        for (int row = 0; row < rows; row++) {
            JsonValue value = function == ScalarFunction.JSON_OBJECT ? object(arguments, row) : array(arguments, row);
            out.set(row, JsonWriter.write(value));
        }
        return out;
    }

    private static JsonValue object(Column[] arguments, int row) {
        TreeMap<String, JsonValue> members = new TreeMap<>(JsonKeyOrder.INSTANCE);
        for (int a = 0; a + 1 < arguments.length; a += 2) {
            if (arguments[a].isNull(row)) {
                throw new StrataException(ErrorCode.ER_JSON_DOCUMENT_NULL_KEY, "JSON documents may not contain NULL member names.");
            }
            members.put(JsonArguments.text(arguments[a], row), JsonArguments.value(arguments[a + 1], row));
        }
        return new JsonValue.JsonObject(members);
    }

    private static JsonValue array(Column[] arguments, int row) {
        List<JsonValue> elements = new ArrayList<>(arguments.length);
        for (Column argument : arguments) {
            elements.add(JsonArguments.value(argument, row));
        }
        return new JsonValue.JsonArray(elements);
    }
}
