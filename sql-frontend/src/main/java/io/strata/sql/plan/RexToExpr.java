package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.OutputColumn;
import io.strata.sql.catalog.TypeMapping;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates Calcite row expressions over an input into compute-nodes' {@link Expr}. Column
 * references take the input column's exact type; SEARCH (Sarg) is expanded into comparisons.
 */
final class RexToExpr {
    private static final Map<String, ScalarFunction> FUNCTIONS_BY_NAME = Map.ofEntries(
            Map.entry("UPPER", ScalarFunction.UPPER), Map.entry("UCASE", ScalarFunction.UPPER),
            Map.entry("LOWER", ScalarFunction.LOWER), Map.entry("LCASE", ScalarFunction.LOWER),
            Map.entry("SUBSTRING", ScalarFunction.SUBSTRING), Map.entry("SUBSTR", ScalarFunction.SUBSTRING),
            Map.entry("CHAR_LENGTH", ScalarFunction.CHAR_LENGTH), Map.entry("CHARACTER_LENGTH", ScalarFunction.CHAR_LENGTH),
            Map.entry("LENGTH", ScalarFunction.LENGTH), Map.entry("OCTET_LENGTH", ScalarFunction.LENGTH),
            Map.entry("ABS", ScalarFunction.ABS), Map.entry("ROUND", ScalarFunction.ROUND),
            Map.entry("FLOOR", ScalarFunction.FLOOR), Map.entry("CEIL", ScalarFunction.CEIL),
            Map.entry("CEILING", ScalarFunction.CEIL), Map.entry("CONCAT", ScalarFunction.CONCAT),
            Map.entry("||", ScalarFunction.CONCAT), Map.entry("IF", ScalarFunction.IF),
            Map.entry("IFNULL", ScalarFunction.IFNULL), Map.entry("NVL", ScalarFunction.IFNULL),
            Map.entry("COALESCE", ScalarFunction.COALESCE), Map.entry("NULLIF", ScalarFunction.NULLIF),
            Map.entry("CURRENT_DATE", ScalarFunction.CURRENT_DATE),
            Map.entry("CURRENT_TIMESTAMP", ScalarFunction.CURRENT_TIMESTAMP),
            Map.entry("LOCALTIMESTAMP", ScalarFunction.CURRENT_TIMESTAMP),
            Map.entry("YEAR", ScalarFunction.YEAR), Map.entry("MONTH", ScalarFunction.MONTH),
            Map.entry("DAYOFMONTH", ScalarFunction.DAY), Map.entry("DAY", ScalarFunction.DAY),
            Map.entry("MOD", ScalarFunction.MOD), Map.entry("TRIM", ScalarFunction.TRIM),
            Map.entry("CONCAT_WS", ScalarFunction.CONCAT_WS), Map.entry("REPLACE", ScalarFunction.REPLACE),
            Map.entry("LEFT", ScalarFunction.LEFT), Map.entry("RIGHT", ScalarFunction.RIGHT),
            Map.entry("LPAD", ScalarFunction.LPAD), Map.entry("RPAD", ScalarFunction.RPAD),
            Map.entry("REVERSE", ScalarFunction.REVERSE), Map.entry("LOCATE", ScalarFunction.LOCATE),
            Map.entry("SIGN", ScalarFunction.SIGN), Map.entry("POWER", ScalarFunction.POWER),
            Map.entry("POW", ScalarFunction.POWER), Map.entry("SQRT", ScalarFunction.SQRT),
            Map.entry("EXP", ScalarFunction.EXP), Map.entry("LN", ScalarFunction.LN), Map.entry("LOG10", ScalarFunction.LOG10),
            Map.entry("GREATEST", ScalarFunction.GREATEST), Map.entry("LEAST", ScalarFunction.LEAST),
            Map.entry("HOUR", ScalarFunction.HOUR), Map.entry("MINUTE", ScalarFunction.MINUTE),
            Map.entry("SECOND", ScalarFunction.SECOND), Map.entry("DAYOFWEEK", ScalarFunction.DAYOFWEEK),
            Map.entry("MICROSECOND", ScalarFunction.MICROSECOND), Map.entry("DATEDIFF", ScalarFunction.DATEDIFF),
            Map.entry("DAYNAME", ScalarFunction.DAYNAME), Map.entry("MONTHNAME", ScalarFunction.MONTHNAME),
            Map.entry("DAYOFYEAR", ScalarFunction.DAYOFYEAR), Map.entry("WEEKDAY", ScalarFunction.WEEKDAY),
            Map.entry("QUARTER", ScalarFunction.QUARTER), Map.entry("WEEK", ScalarFunction.WEEK),
            Map.entry("YEARWEEK", ScalarFunction.YEARWEEK), Map.entry("LAST_DAY", ScalarFunction.LAST_DAY),
            Map.entry("TO_DAYS", ScalarFunction.TO_DAYS), Map.entry("DATE_FORMAT", ScalarFunction.DATE_FORMAT),
            Map.entry("STR_TO_DATE", ScalarFunction.STR_TO_DATE), Map.entry("UNIX_TIMESTAMP", ScalarFunction.UNIX_TIMESTAMP),
            Map.entry("CURTIME", ScalarFunction.CURRENT_TIME), Map.entry("CURRENT_TIME", ScalarFunction.CURRENT_TIME),
            Map.entry("LOCALTIME", ScalarFunction.CURRENT_TIMESTAMP), Map.entry("SYSDATE", ScalarFunction.CURRENT_TIMESTAMP),
            Map.entry("TIMESTAMPDIFF", ScalarFunction.TIMESTAMPDIFF), Map.entry("CONVERT_TZ", ScalarFunction.CONVERT_TZ),
            Map.entry("REGEXP_LIKE", ScalarFunction.REGEXP_LIKE), Map.entry("REGEXP_INSTR", ScalarFunction.REGEXP_INSTR),
            Map.entry("REGEXP_SUBSTR", ScalarFunction.REGEXP_SUBSTR), Map.entry("REGEXP_REPLACE", ScalarFunction.REGEXP_REPLACE),
            Map.entry("SUBSTRING_INDEX", ScalarFunction.SUBSTRING_INDEX), Map.entry("REPEAT", ScalarFunction.REPEAT),
            Map.entry("SPACE", ScalarFunction.SPACE), Map.entry("LTRIM", ScalarFunction.LTRIM),
            Map.entry("RTRIM", ScalarFunction.RTRIM), Map.entry("ASCII", ScalarFunction.ASCII),
            Map.entry("HEX", ScalarFunction.HEX), Map.entry("UNHEX", ScalarFunction.UNHEX),
            Map.entry("FORMAT", ScalarFunction.FORMAT), Map.entry("TRUNCATE", ScalarFunction.TRUNCATE));

    /** Functions over vectors: a string argument next to a vector is cast to that vector's type. */
    private static final Map<String, ScalarFunction> VECTOR_FUNCTIONS = Map.of(
            "L2_DISTANCE", ScalarFunction.L2_DISTANCE, "L2_DISTANCE_SQ", ScalarFunction.L2_DISTANCE_SQ,
            "COSINE_DISTANCE", ScalarFunction.COSINE_DISTANCE, "COSINE_SIMILARITY", ScalarFunction.COSINE_SIMILARITY,
            "INNER_PRODUCT", ScalarFunction.INNER_PRODUCT, "L2_NORM", ScalarFunction.L2_NORM,
            "VECTOR_DIMS", ScalarFunction.VECTOR_DIMS);

    private static final Map<SqlKind, ScalarFunction> FUNCTIONS_BY_KIND = Map.ofEntries(
            Map.entry(SqlKind.PLUS, ScalarFunction.PLUS), Map.entry(SqlKind.MINUS, ScalarFunction.MINUS),
            Map.entry(SqlKind.TIMES, ScalarFunction.MULTIPLY), Map.entry(SqlKind.DIVIDE, ScalarFunction.DIVIDE),
            Map.entry(SqlKind.MOD, ScalarFunction.MOD), Map.entry(SqlKind.MINUS_PREFIX, ScalarFunction.NEGATE),
            Map.entry(SqlKind.EQUALS, ScalarFunction.EQUALS), Map.entry(SqlKind.NOT_EQUALS, ScalarFunction.NOT_EQUALS),
            Map.entry(SqlKind.LESS_THAN, ScalarFunction.LESS_THAN),
            Map.entry(SqlKind.LESS_THAN_OR_EQUAL, ScalarFunction.LESS_THAN_OR_EQUAL),
            Map.entry(SqlKind.GREATER_THAN, ScalarFunction.GREATER_THAN),
            Map.entry(SqlKind.GREATER_THAN_OR_EQUAL, ScalarFunction.GREATER_THAN_OR_EQUAL),
            Map.entry(SqlKind.AND, ScalarFunction.AND), Map.entry(SqlKind.OR, ScalarFunction.OR),
            Map.entry(SqlKind.NOT, ScalarFunction.NOT), Map.entry(SqlKind.IS_NULL, ScalarFunction.IS_NULL),
            Map.entry(SqlKind.IS_NOT_NULL, ScalarFunction.IS_NOT_NULL), Map.entry(SqlKind.IS_TRUE, ScalarFunction.IS_TRUE),
            Map.entry(SqlKind.IS_FALSE, ScalarFunction.IS_FALSE),
            Map.entry(SqlKind.IS_NOT_TRUE, ScalarFunction.IS_NOT_TRUE),
            Map.entry(SqlKind.IS_NOT_FALSE, ScalarFunction.IS_NOT_FALSE),
            Map.entry(SqlKind.CASE, ScalarFunction.CASE), Map.entry(SqlKind.COALESCE, ScalarFunction.COALESCE),
            Map.entry(SqlKind.NULLIF, ScalarFunction.NULLIF), Map.entry(SqlKind.CAST, ScalarFunction.CAST),
            Map.entry(SqlKind.FLOOR, ScalarFunction.FLOOR), Map.entry(SqlKind.CEIL, ScalarFunction.CEIL),
            Map.entry(SqlKind.BETWEEN, ScalarFunction.BETWEEN), Map.entry(SqlKind.IN, ScalarFunction.IN),
            Map.entry(SqlKind.IS_NOT_DISTINCT_FROM, ScalarFunction.IS_NOT_DISTINCT_FROM),
            Map.entry(SqlKind.IS_DISTINCT_FROM, ScalarFunction.IS_DISTINCT_FROM));

    private final RexBuilder rexBuilder;
    private final List<OutputColumn> input;

    RexToExpr(RexBuilder rexBuilder, List<OutputColumn> input) {
        this.rexBuilder = rexBuilder;
        this.input = input;
    }

    Expr translate(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return new Expr.ColumnRef(ref.getIndex(), input.get(ref.getIndex()).type());
        }
        if (node instanceof RexLiteral literal) {
            DataType type = TypeMapping.toDataType(literal.getType());
            return new Expr.Literal(LiteralValues.value(literal, type), type);
        }
        if (node instanceof RexDynamicParam param) {
            return new Expr.Parameter(param.getIndex(), TypeMapping.toDataType(param.getType()));
        }
        if (node instanceof RexCall call) {
            return translateCall(call);
        }
        throw UnsupportedFeature.of("expression " + node);
    }

    private Expr translateCall(RexCall call) {
        if (JsonCalls.isDocumentMarker(call)) {
            return JsonCalls.document(call, this::translate);
        }
        DataType type = TypeMapping.toDataType(call.getType());
        switch (call.getKind()) {
            case SEARCH:
                return translate(RexUtil.expandSearch(rexBuilder, null, call));
            case PLUS_PREFIX:
                return translate(call.getOperands().get(0));
            case LIKE: {
                boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
                return call(negated ? ScalarFunction.NOT_LIKE : ScalarFunction.LIKE, call.getOperands(), type);
            }
            case EXTRACT:
                return extract(call, type);
            case TRIM:
                return trim(call, type);
            case POSITION:
                return call(ScalarFunction.LOCATE, call.getOperands(), type);
            default:
                break;
        }
        if (call.getOperator() instanceof RecursiveColumnTypes.StoreAs store) {
            return new Expr.Call(ScalarFunction.STORE, List.of(translate(call.getOperands().get(0)),
                    new Expr.Literal(store.column(), DataType.TEXT)), type);
        }
        if (call.getOperator() instanceof MysqlCasts.ExplicitCast) {
            return call(ScalarFunction.EXPLICIT_CAST, call.getOperands(), type);
        }
        if (call.getOperator() == MysqlIntervals.FUNCTION) {
            return MysqlIntervals.translate(call, this::translate);
        }
        Expr dateArithmetic = DateArithmetic.translate(call, type, this::translate);
        if (dateArithmetic != null) {
            return dateArithmetic;
        }
        Expr json = JsonCalls.translate(call, type, this::translate);
        if (json != null) {
            return json;
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        Expr dateCall = DateFunctionCalls.translate(call, name, type, this::translate);
        if (dateCall != null) {
            return dateCall;
        }
        if (name.equals("UTC_TIMESTAMP") || name.equals("UTC_DATE") || name.equals("UTC_TIME")) {
            // UTC_DATE and UTC_TIME are the date and the time of UTC_TIMESTAMP; its digits are the call type's
            Expr utc = new Expr.Call(ScalarFunction.UTC_TIMESTAMP, List.of(), DataType.datetime(6));
            return new Expr.Call(ScalarFunction.CAST, List.of(utc), type);
        }
        if (name.equals("INSTR")) {
            return call(ScalarFunction.LOCATE, List.of(call.getOperands().get(1), call.getOperands().get(0)), type);
        }
        if (VECTOR_FUNCTIONS.containsKey(name)) {
            return vectorCall(VECTOR_FUNCTIONS.get(name), call.getOperands(), type);
        }
        if (call.getOperator() == MysqlStringFunctions.REGEXP || call.getOperator() == MysqlStringFunctions.NOT_REGEXP) {
            Expr matches = new Expr.Call(ScalarFunction.CAST,
                    List.of(call(ScalarFunction.REGEXP_LIKE, call.getOperands(), DataType.BIGINT)), type);
            return call.getOperator() == MysqlStringFunctions.REGEXP ? matches
                    : new Expr.Call(ScalarFunction.NOT, List.of(matches), type);
        }
        if (call.getOperator() == MysqlOperators.DIVIDE) {
            return call(ScalarFunction.DIVIDE, call.getOperands(), type);
        }
        if (call.getOperator() == MysqlOperators.INTEGER_DIVIDE) {
            return call(ScalarFunction.INT_DIVIDE, call.getOperands(), type);
        }
        // By name first: Calcite gives some MySQL functions another function's kind (its LENGTH is a
        // CHAR_LENGTH), while MySQL's LENGTH counts bytes.
        ScalarFunction function = FUNCTIONS_BY_NAME.get(name);
        if (function == null) {
            function = FUNCTIONS_BY_KIND.get(call.getKind());
        }
        if (function == null) {
            throw UnsupportedFeature.of("function " + call.getOperator().getName());
        }
        return call(function, call.getOperands(), type);
    }

    private Expr vectorCall(ScalarFunction function, List<RexNode> operands, DataType type) {
        List<Expr> arguments = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            arguments.add(translate(operand));
        }
        DataType vectorType = arguments.stream().map(Expr::type)
                .filter(t -> t.kind() == io.strata.common.type.TypeKind.VECF32 || t.kind() == io.strata.common.type.TypeKind.VECF64)
                .findFirst().orElse(null);
        if (vectorType != null) {
            for (int i = 0; i < arguments.size(); i++) {
                if (arguments.get(i).type().kind().isString()) {
                    arguments.set(i, new Expr.Call(ScalarFunction.CAST, List.of(arguments.get(i)), vectorType));
                }
            }
        }
        return new Expr.Call(function, arguments, type);
    }

    private Expr extract(RexCall call, DataType type) {
        TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
        ScalarFunction function = switch (unit) {
            case YEAR -> ScalarFunction.YEAR;
            case MONTH -> ScalarFunction.MONTH;
            case DAY -> ScalarFunction.DAY;
            case HOUR -> ScalarFunction.HOUR;
            case MINUTE -> ScalarFunction.MINUTE;
            case SECOND -> ScalarFunction.SECOND;
            case DOW -> ScalarFunction.DAYOFWEEK;
            case DOY -> ScalarFunction.DAYOFYEAR;
            case QUARTER -> ScalarFunction.QUARTER;
            case WEEK -> ScalarFunction.WEEK; // mode 0, MySQL's default_week_format
            case MICROSECOND -> ScalarFunction.MICROSECOND;
            default -> throw UnsupportedFeature.of("EXTRACT(" + unit + ")");
        };
        return call(function, call.getOperands().subList(1, 2), type);
    }

    private Expr trim(RexCall call, DataType type) {
        SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0)).getValueAs(SqlTrimFunction.Flag.class);
        RexNode characters = call.getOperands().get(1);
        boolean spaces = characters instanceof RexLiteral literal && " ".equals(literal.getValueAs(String.class));
        if (flag != SqlTrimFunction.Flag.BOTH || !spaces) {
            throw UnsupportedFeature.of("TRIM with " + flag + " or characters other than space");
        }
        return call(ScalarFunction.TRIM, call.getOperands().subList(2, 3), type);
    }

    private Expr call(ScalarFunction function, List<RexNode> operands, DataType type) {
        List<Expr> arguments = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            arguments.add(translate(operand));
        }
        return new Expr.Call(function, JsonCalls.comparisonArguments(function, arguments), type);
    }
}
