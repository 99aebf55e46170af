package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates calls of MySQL's JSON functions ({@link JsonOperators}, and Calcite's own JSON_OBJECT and
 * JSON_ARRAY, which its grammar builds) into compute-nodes' JSON functions. Calls that return documents get
 * the JSON type: that is how results print normalized, reach clients as JSON columns, and compare as JSON.
 */
final class JsonCalls {
    private static final Map<String, ScalarFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("JSON_EXTRACT", ScalarFunction.JSON_EXTRACT), Map.entry("JSON_UNQUOTE", ScalarFunction.JSON_UNQUOTE),
            Map.entry("JSON_QUOTE", ScalarFunction.JSON_QUOTE), Map.entry("JSON_VALID", ScalarFunction.JSON_VALID),
            Map.entry("JSON_TYPE", ScalarFunction.JSON_TYPE), Map.entry("JSON_LENGTH", ScalarFunction.JSON_LENGTH),
            Map.entry("JSON_KEYS", ScalarFunction.JSON_KEYS), Map.entry("JSON_CONTAINS", ScalarFunction.JSON_CONTAINS),
            Map.entry("JSON_CONTAINS_PATH", ScalarFunction.JSON_CONTAINS_PATH), Map.entry("JSON_SET", ScalarFunction.JSON_SET),
            Map.entry("JSON_INSERT", ScalarFunction.JSON_INSERT), Map.entry("JSON_REPLACE", ScalarFunction.JSON_REPLACE),
            Map.entry("JSON_REMOVE", ScalarFunction.JSON_REMOVE), Map.entry("JSON_OBJECT", ScalarFunction.JSON_OBJECT),
            Map.entry("JSON_ARRAY", ScalarFunction.JSON_ARRAY));

    private JsonCalls() {}

    /** The translation of {@code call}, or null when it is not a JSON call. */
    static Expr translate(RexCall call, DataType type, Function<RexNode, Expr> translator) {
        if (call.getOperator() == JsonOperators.EXTRACT_ARROW) {
            return new Expr.Call(ScalarFunction.JSON_EXTRACT, arguments(call.getOperands(), translator), DataType.JSON);
        }
        if (call.getOperator() == JsonOperators.UNQUOTED_EXTRACT_ARROW) {
            Expr extract = new Expr.Call(ScalarFunction.JSON_EXTRACT, arguments(call.getOperands(), translator), DataType.JSON);
            return new Expr.Call(ScalarFunction.JSON_UNQUOTE, List.of(extract), DataType.TEXT);
        }
        if (call.getOperator() == JsonOperators.CAST_AS_JSON) {
            return new Expr.Call(ScalarFunction.CAST, arguments(call.getOperands(), translator), DataType.JSON);
        }
        ScalarFunction function = FUNCTIONS.get(call.getOperator().getName().toUpperCase(Locale.ROOT));
        if (function == null) {
            return null;
        }
        List<RexNode> operands = call.getOperands();
        if (call.getOperator() instanceof org.apache.calcite.sql.fun.SqlJsonObjectFunction
                || call.getOperator() instanceof org.apache.calcite.sql.fun.SqlJsonArrayFunction) {
            operands = operands.subList(1, operands.size()); // Calcite's NULL ON NULL / ABSENT ON NULL flag; MySQL keeps nulls
        }
        return new Expr.Call(function, arguments(operands, translator), resultType(function, type));
    }

    private static DataType resultType(ScalarFunction function, DataType calcites) {
        return switch (function) {
            case JSON_UNQUOTE, JSON_QUOTE, JSON_TYPE -> DataType.TEXT;
            case JSON_VALID, JSON_LENGTH, JSON_CONTAINS, JSON_CONTAINS_PATH -> calcites;
            default -> DataType.JSON;
        };
    }

    private static List<Expr> arguments(List<RexNode> operands, Function<RexNode, Expr> translator) {
        List<Expr> arguments = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            arguments.add(argument(operand, translator));
        }
        return arguments;
    }

    /**
     * One argument. Calcite marks the arguments of its JSON_OBJECT and JSON_ARRAY that are documents with
     * JSON_TYPE and those written with FORMAT JSON with JSON_VALUE_EXPRESSION (both typed ANY, as is a NULL
     * there): the marked value is read as a document.
     */
    private static Expr argument(RexNode operand, Function<RexNode, Expr> translator) {
        if (operand instanceof RexCall call && isDocumentMarker(call)) {
            return document(call, translator);
        }
        if (operand instanceof RexLiteral literal && literal.isNull()) {
            return new Expr.Literal(null, DataType.TEXT);
        }
        return translator.apply(operand);
    }

    /**
     * Whether {@code call} is Calcite's mark of a value to be read as a document (JSON_TYPE, or
     * JSON_VALUE_EXPRESSION for FORMAT JSON), typed ANY: it also stands alone as the argument of
     * JSON_ARRAYAGG and JSON_OBJECTAGG, computed by the projection below the aggregate.
     */
    static boolean isDocumentMarker(RexCall call) {
        return call.getKind() == SqlKind.JSON_TYPE || call.getKind() == SqlKind.JSON_VALUE_EXPRESSION;
    }

    /** The marked value of {@code marker} ({@link #isDocumentMarker}) as a JSON document. */
    static Expr document(RexCall marker, Function<RexNode, Expr> translator) {
        Expr value = translator.apply(marker.getOperands().get(0));
        return value.type().kind() == TypeKind.JSON ? value
                : new Expr.Call(ScalarFunction.CAST, List.of(value), DataType.JSON);
    }

    /**
     * A comparison's arguments with Calcite's casts of JSON operands removed: Calcite casts a string compared
     * with a number to that number's type, while MySQL compares a JSON value with a number as JSON
     * ({@code doc->'$.n' > 3} holds for 3.5).
     */
    static List<Expr> comparisonArguments(ScalarFunction function, List<Expr> arguments) {
        boolean comparison = switch (function) {
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, BETWEEN, IN,
                 IS_NOT_DISTINCT_FROM, IS_DISTINCT_FROM -> true;
            default -> false;
        };
        if (!comparison) {
            return arguments;
        }
        List<Expr> uncast = new ArrayList<>(arguments.size());
        for (Expr argument : arguments) {
            boolean castOfJson = argument instanceof Expr.Call call && call.function() == ScalarFunction.CAST
                    && call.arguments().get(0).type().kind() == TypeKind.JSON;
            uncast.add(castOfJson ? ((Expr.Call) argument).arguments().get(0) : argument);
        }
        return uncast;
    }
}
