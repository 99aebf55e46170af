package io.strata.compute.expression.json;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ScalarFunction;

/**
 * Evaluates MySQL's JSON functions over a batch: one loop per call over the argument columns, NULL in,
 * NULL out (except where MySQL says otherwise), paths parsed once per evaluator through a {@link JsonPathCache}.
 * Documents travel between functions as normalized JSON text in columns of type JSON.
 */
public final class JsonFunctions {
    private JsonFunctions() {}

    public static Column apply(ScalarFunction function, Column[] arguments, DataType type, int rows, JsonPathCache paths) {
        return switch (function) {
            case JSON_EXTRACT, JSON_CONTAINS_PATH, JSON_LENGTH, JSON_KEYS, JSON_CONTAINS ->
                    JsonSearchFunctions.apply(function, arguments, type, rows, paths);
            case JSON_UNQUOTE, JSON_QUOTE, JSON_TYPE, JSON_VALID -> JsonTextFunctions.apply(function, arguments, type, rows);
            case JSON_OBJECT, JSON_ARRAY -> JsonBuildFunctions.apply(function, arguments, type, rows);
            case JSON_SET, JSON_INSERT, JSON_REPLACE, JSON_REMOVE -> JsonEditFunctions.apply(function, arguments, type, rows, paths);
            default -> throw new IllegalArgumentException("not a JSON function: " + function);
        };
    }

    /** Whether {@code function} takes {@code count} arguments. */
    public static boolean acceptsArgumentCount(ScalarFunction function, int count) {
        return switch (function) {
            case JSON_EXTRACT -> count >= 2;
            case JSON_UNQUOTE, JSON_QUOTE, JSON_TYPE, JSON_VALID -> count == 1;
            case JSON_LENGTH, JSON_KEYS -> count == 1 || count == 2;
            case JSON_CONTAINS -> count == 2 || count == 3;
            case JSON_CONTAINS_PATH -> count >= 3;
            case JSON_OBJECT -> count % 2 == 0;
            case JSON_ARRAY -> true;
            case JSON_SET, JSON_INSERT, JSON_REPLACE -> count >= 3 && count % 2 == 1;
            case JSON_REMOVE -> count >= 2;
            default -> throw new IllegalArgumentException("not a JSON function: " + function);
        };
    }

    /** Whether any argument is NULL at {@code row}. */
    static boolean anyNull(Column[] arguments, int row) {
        for (Column argument : arguments) {
            if (argument.isNull(row)) {
                return true;
            }
        }
        return false;
    }
}
