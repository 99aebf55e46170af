package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ValueFormatter;

import java.math.BigDecimal;
import java.util.Locale;

/** Reads the arguments of JSON functions: documents (JSON or JSON text), SQL values, paths. */
public final class JsonArguments {
    private JsonArguments() {}

    /**
     * The document at {@code row} of argument {@code argument} (1-based) of {@code function}: a JSON value,
     * or a string parsed as JSON text (error 3141 when it is not); other types are error 3146.
     */
    public static JsonValue document(Column column, int row, int argument, String function) {
        TypeKind kind = column.type().kind();
        if (!kind.isString()) {
            throw StrataException.of(ErrorCode.ER_INVALID_TYPE_FOR_JSON,
                    "Invalid data type for JSON data in argument %d to function %s; a JSON string or JSON type is required.",
                    argument, functionName(function));
        }
        return parse((String) column.objects()[row], argument, function);
    }

    /** {@code text} parsed as argument {@code argument} of {@code function}; error 3141 when it is not JSON. */
    public static JsonValue parse(String text, int argument, String function) {
        try {
            return JsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw StrataException.of(ErrorCode.ER_INVALID_JSON_TEXT_IN_PARAM,
                    "Invalid JSON text in argument %d to function %s: \"%s\" at position %d.", argument,
                    functionName(function), e.reason(), e.position());
        }
    }

    /**
     * The SQL value at {@code row} as a JSON value, as MySQL converts arguments of JSON_OBJECT, JSON_ARRAY and
     * JSON_SET: a JSON value as it is, a string as a JSON string (not parsed), numbers as numbers, booleans as
     * true/false, temporal values as their text; NULL is JSON null.
     */
    public static JsonValue value(Column column, int row) {
        if (column.isNull(row)) {
            return new JsonValue.JsonNull();
        }
        return switch (column.type().kind()) {
            case JSON -> parse((String) column.objects()[row], 1, "json");
            case BOOLEAN -> new JsonValue.JsonBoolean(column.longs()[row] != 0);
            case TINYINT, SMALLINT, INT, BIGINT -> new JsonValue.JsonInteger(column.longs()[row]);
            case FLOAT, DOUBLE -> new JsonValue.JsonDouble(column.doubles()[row]);
            case DECIMAL -> new JsonValue.JsonDecimal((BigDecimal) column.objects()[row]);
            case DATETIME, TIMESTAMP -> new JsonValue.JsonString(
                    ValueFormatter.formatDateTime(column.longs()[row], 6)); // MySQL keeps microseconds in JSON
            case TIME -> new JsonValue.JsonString(ValueFormatter.formatTime(column.longs()[row], 6));
            default -> new JsonValue.JsonString(ValueFormatter.format(column, row));
        };
    }

    /** The text of a non-NULL string argument (other types as MySQL prints them). */
    public static String text(Column column, int row) {
        Object value = column.objects() == null ? null : column.objects()[row];
        return value instanceof String s ? s : ValueFormatter.format(column, row);
    }

    /** MySQL names functions in lower case in its messages. */
    static String functionName(String function) {
        return function.toLowerCase(Locale.ROOT);
    }
}
