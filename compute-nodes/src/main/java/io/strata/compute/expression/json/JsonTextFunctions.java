package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ScalarFunction;

/** JSON_UNQUOTE (and {@code ->>}), JSON_QUOTE, JSON_TYPE, JSON_VALID: one document or string in, text or a flag out. */
final class JsonTextFunctions {
    private JsonTextFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int rows) {
        Column argument = arguments[0];
        Column out = Column.allocate(type, rows);
        if (function == ScalarFunction.JSON_QUOTE && !argument.type().kind().isString()
                && argument.type().kind() != io.strata.common.type.TypeKind.NULL) {
            throw StrataException.of(ErrorCode.ER_INVALID_TYPE_FOR_JSON,
                    "Invalid data type for JSON data in argument 1 to function json_quote; a JSON string or JSON type is required.");
        }
        for (int row = 0; row < rows; row++) {
            if (argument.isNull(row)) {
                out.nulls()[row] = true;
                continue;
            }
            out.set(row, switch (function) {
                case JSON_UNQUOTE -> unquote(JsonArguments.text(argument, row));
                case JSON_QUOTE -> JsonWriter.quote(JsonArguments.text(argument, row));
                case JSON_TYPE -> JsonArguments.document(argument, row, 1, "JSON_TYPE").typeName();
                case JSON_VALID -> valid(argument, row) ? 1L : 0L;
                default -> throw new IllegalArgumentException("not a JSON text function: " + function);
            });
        }
        return out;
    }

    /** A JSON string literal's value; any other text (documents, numbers, plain strings) as it is. */
    static String unquote(String text) {
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return text;
        }
        return ((JsonValue.JsonString) JsonArguments.parse(text, 1, "JSON_UNQUOTE")).value();
    }

    private static boolean valid(Column argument, int row) {
        return switch (argument.type().kind()) {
            case JSON -> true;
            case VARCHAR, CHAR, TEXT -> JsonParser.isValid((String) argument.objects()[row]);
            default -> false;
        };
    }
}
