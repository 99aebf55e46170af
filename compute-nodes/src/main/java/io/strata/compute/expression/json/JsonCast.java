package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.compute.expression.Column;

/**
 * Conversions to the JSON type, to MySQL's normalized text. CAST(x AS JSON) parses strings (error 3141 when
 * they are not JSON) and turns other values into JSON scalars; storing into a JSON column accepts only JSON
 * values and JSON text (error 3140 otherwise, nothing is written).
 */
public final class JsonCast {
    private JsonCast() {}

    /** CAST semantics for the non-NULL value at {@code row}. */
    public static String cast(Column input, int row) {
        return switch (input.type().kind()) {
            case JSON -> (String) input.objects()[row];
            case VARCHAR, CHAR, TEXT -> JsonWriter.write(JsonArguments.parse((String) input.objects()[row], 1, "cast_as_json"));
            default -> JsonWriter.write(JsonArguments.value(input, row));
        };
    }

    /** The normalized text of the non-NULL value at {@code row} for column {@code columnName}; error 3140 when it is not JSON. */
    public static String forColumn(Column input, int row, String columnName) {
        return switch (input.type().kind()) {
            case JSON -> (String) input.objects()[row];
            case VARCHAR, CHAR, TEXT -> {
                try {
                    yield JsonWriter.write(JsonParser.parse((String) input.objects()[row]));
                } catch (JsonSyntaxException e) {
                    throw invalid(e.reason(), e.position(), columnName);
                }
            }
            default -> throw invalid("not a JSON text, may need CAST", 0, columnName);
        };
    }

    private static StrataException invalid(String reason, int position, String columnName) {
        return StrataException.of(ErrorCode.ER_INVALID_JSON_TEXT, "Invalid JSON text: \"%s\" at position %d in value for column '%s'.",
                reason, position, columnName);
    }
}
