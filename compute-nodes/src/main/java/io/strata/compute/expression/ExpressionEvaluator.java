package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.compute.expression.json.JsonFunctions;
import io.strata.compute.expression.json.JsonPathCache;
import io.strata.compute.operator.ExecutionContext;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

import java.util.List;
import java.util.Objects;

/**
 * Evaluates {@link Expr}s over a batch a column at a time: every argument is evaluated for all rows
 * of the batch into a {@link Column}, then the function runs as one loop over those arrays.
 * Errors with MySQL codes (out of range, bad argument count) surface as {@link StrataException}.
 * Not thread-safe: each operator uses its own evaluator.
 */
public final class ExpressionEvaluator {
    private static final VectorSchemaRoot NO_COLUMNS_ONE_ROW = new VectorSchemaRoot(List.of(), List.of(), 1);

    private final ExecutionContext context;
    /** Input columns decoded during the current call, so an expression tree reads each column once. */
    private Column[] decoded;
    /** The rows of the current call's batch that are evaluated (a selection vector), or null for all. */
    private Selection selection;
    /**
     * Calls that read no column (DATE '1994-01-01' + INTERVAL 1 YEAR), evaluated once on one row: each
     * batch gets copies of that value instead of computing it per row. Parameters are fixed for an
     * execution, and so for this evaluator.
     */
    private final java.util.Map<Expr.Call, Column> constants = new java.util.IdentityHashMap<>();
    /** JSON paths parsed by this evaluator: a constant path is parsed once, not per row. */
    private final JsonPathCache jsonPaths = new JsonPathCache();
    /** Each regular expression call's last compiled pattern: a constant pattern is compiled once. */
    private final java.util.Map<Expr.Call, RegexPatterns> patterns = new java.util.IdentityHashMap<>();

    public ExpressionEvaluator(ExecutionContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Evaluates {@code expr} over all rows of {@code batch} into a new vector named {@code name} of
     * type {@code expr.type()}, allocated from the context's allocator; the caller closes it. A plain
     * column reference shares the input's buffers instead of copying them.
     */
    public FieldVector evaluate(Expr expr, VectorSchemaRoot batch, String name) {
        return evaluateAll(List.of(expr), batch, List.of(name)).get(0);
    }

    /**
     * Evaluates several expressions over the same batch (a projection), decoding each input column
     * at most once; returns one new vector per expression, named after {@code names}.
     */
    public List<FieldVector> evaluateAll(List<Expr> exprs, VectorSchemaRoot batch, List<String> names) {
        return evaluateAll(exprs, batch, null, names);
    }

    /**
     * {@link #evaluateAll(List, VectorSchemaRoot, List)} over the rows {@code rows} selects (all rows when
     * null): the vectors hold one value per selected row.
     */
    public List<FieldVector> evaluateAll(List<Expr> exprs, VectorSchemaRoot batch, Selection rows, List<String> names) {
        List<FieldVector> vectors = new java.util.ArrayList<>(exprs.size());
        decoded = new Column[batch.getFieldVectors().size()];
        selection = rows;
        try {
            for (int i = 0; i < exprs.size(); i++) {
                vectors.add(evaluateOne(exprs.get(i), batch, names.get(i)));
            }
            return vectors;
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        } finally {
            decoded = null;
            selection = null;
        }
    }

    private FieldVector evaluateOne(Expr expr, VectorSchemaRoot batch, String name) {
        if (expr instanceof Expr.ColumnRef ref) {
            FieldVector source = batch.getVector(ref.index());
            if (sqlType(source, ref.type()).equals(ref.type())) {
                Field target = ArrowTypes.field(name, ref.type(), true);
                if (selection != null) {
                    FieldVector copy = target.createVector(context.allocator());
                    try {
                        io.strata.common.type.VectorCopy.gather(source, selection.rows(), selection.count(), copy, 0);
                    } catch (RuntimeException e) {
                        copy.close();
                        throw e;
                    }
                    return copy;
                }
                TransferPair pair = source.getTransferPair(target, context.allocator());
                pair.splitAndTransfer(0, batch.getRowCount());
                return (FieldVector) pair.getTo();
            }
        }
        return evaluateColumn(expr, batch).write(name, context.allocator());
    }

    /** Evaluates {@code expr} over all rows of {@code batch}, converted to {@code expr.type()}. */
    public Column evaluateColumn(Expr expr, VectorSchemaRoot batch) {
        boolean outermost = decoded == null;
        if (outermost) {
            decoded = new Column[batch.getFieldVectors().size()];
        }
        try {
            return ColumnCaster.cast(eval(expr, batch, rowCount(batch)), expr.type());
        } finally {
            if (outermost) {
                decoded = null;
            }
        }
    }

    private int rowCount(VectorSchemaRoot batch) {
        return selection == null ? batch.getRowCount() : selection.count();
    }

    /** Rows of a batch chosen by a condition: {@code rows[0..count)} in ascending order. */
    public record Selection(int[] rows, int count) {}

    /** Evaluates a condition over all rows of {@code batch}: the rows where it is TRUE (not FALSE, not NULL). */
    public Selection selectTrue(Expr condition, VectorSchemaRoot batch) {
        return selectTrue(condition, batch, null);
    }

    /**
     * Evaluates a condition over the rows of {@code batch} that {@code among} selects (all when null): those
     * where it is TRUE, as rows of the batch. The conjuncts of an AND are evaluated one after another, each
     * over the rows the ones before kept.
     */
    public Selection selectTrue(Expr condition, VectorSchemaRoot batch, Selection among) {
        if (condition instanceof Expr.Call call && call.function() == ScalarFunction.AND) {
            Selection kept = among;
            for (Expr conjunct : call.arguments()) {
                kept = selectTrue(conjunct, batch, kept);
                if (kept.count() == 0) {
                    break;
                }
            }
            return kept;
        }
        Column truth;
        selection = among;
        try {
            truth = Logic.truth(evaluateColumn(condition, batch));
        } finally {
            selection = null;
        }
        int[] rows = new int[truth.size()];
        int selected = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (!truth.isNull(i) && truth.longs()[i] != 0) {
                rows[selected++] = among == null ? i : among.rows()[i];
            }
        }
        return new Selection(rows, selected);
    }

    /** The value of an expression that reads no column, as the Java class {@link DataType} names. */
    public Object evaluateConstant(Expr expr) {
        return evaluateColumn(expr, NO_COLUMNS_ONE_ROW).get(0);
    }

    private Column eval(Expr expr, VectorSchemaRoot batch, int rows) {
        return switch (expr) {
            case Expr.ColumnRef ref -> {
                if (decoded != null && decoded[ref.index()] != null) {
                    yield decoded[ref.index()]; // columns are read-only once decoded: sharing is safe
                }
                FieldVector vector = batch.getVector(ref.index());
                Column column = selection == null ? Column.read(vector, sqlType(vector, ref.type()), rows)
                        : Column.read(vector, sqlType(vector, ref.type()), selection.rows(), selection.count());
                if (decoded != null) {
                    decoded[ref.index()] = column;
                }
                yield column;
            }
            case Expr.Literal literal -> Column.constant(JavaValueConverter.convert(literal.value(), literal.type()),
                    literal.type(), rows);
            case Expr.Parameter parameter -> Column.constant(parameter(parameter), parameter.type(), rows);
            case Expr.Call call -> rows > 0 && !readsColumns(call) ? broadcast(call, batch, rows) : call(call, batch, rows);
        };
    }

    private Column broadcast(Expr.Call call, VectorSchemaRoot batch, int rows) {
        Column value = constants.get(call);
        if (value == null) {
            value = call(call, batch, 1);
            constants.put(call, value);
        }
        return Column.constant(value.get(0), value.type(), rows);
    }

    private static boolean readsColumns(Expr expr) {
        return switch (expr) {
            case Expr.ColumnRef ref -> true;
            case Expr.Literal literal -> false;
            case Expr.Parameter parameter -> false;
            case Expr.Call call -> call.arguments().stream().anyMatch(ExpressionEvaluator::readsColumns);
        };
    }

    private Object parameter(Expr.Parameter parameter) {
        List<Object> values = context.parameters();
        if (parameter.index() < 0 || parameter.index() >= values.size()) {
            throw StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS, "Incorrect arguments to EXECUTE: parameter %d is not bound",
                    parameter.index() + 1);
        }
        return JavaValueConverter.convert(values.get(parameter.index()), parameter.type());
    }

    private Column call(Expr.Call call, VectorSchemaRoot batch, int rows) {
        List<Expr> argumentExprs = call.arguments();
        Column[] arguments = new Column[argumentExprs.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = eval(argumentExprs.get(i), batch, rows);
        }
        checkArity(call.function(), arguments.length);
        DataType type = call.type();
        return switch (call.function()) {
            case PLUS, MINUS, MULTIPLY, DIVIDE, INT_DIVIDE, MOD, NEGATE -> Arithmetic.apply(call.function(), arguments, type);
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, BETWEEN, IN,
                 IS_NOT_DISTINCT_FROM, IS_DISTINCT_FROM ->
                    Comparisons.apply(call.function(), arguments, rows);
            case AND -> Logic.and(arguments, rows);
            case OR -> Logic.or(arguments, rows);
            case NOT -> Logic.not(arguments[0]);
            case IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE -> Logic.is(call.function(), arguments[0]);
            case LIKE, NOT_LIKE, CONCAT, UPPER, LOWER, SUBSTRING, CHAR_LENGTH, LENGTH, TRIM ->
                    StringFunctions.apply(call.function(), arguments, type, rows);
            case ABS, ROUND, TRUNCATE, FLOOR, CEIL -> MathFunctions.apply(call.function(), arguments, type, rows);
            case SIGN, POWER, SQRT, EXP, LN, LOG10 -> MathFunctions.applyDouble(call.function(), arguments, rows);
            case GREATEST, LEAST -> Comparisons.extreme(call.function() == ScalarFunction.GREATEST, arguments, type, rows);
            case CONCAT_WS, REPLACE, LEFT, RIGHT, LPAD, RPAD, REVERSE, LOCATE ->
                    TextFunctions.apply(call.function(), arguments, type, rows);
            case SUBSTRING_INDEX, REPEAT, SPACE, LTRIM, RTRIM, ASCII ->
                    StringPieceFunctions.apply(call.function(), arguments, type, rows);
            case HEX -> HexFunctions.hex(arguments[0], type, rows);
            case UNHEX -> HexFunctions.unhex(arguments[0], type, rows);
            case FORMAT -> NumberFormatFunction.apply(arguments, type, rows);
            case REGEXP_LIKE, REGEXP_INSTR, REGEXP_SUBSTR, REGEXP_REPLACE -> RegexpFunctions.apply(call.function(), arguments,
                    type, rows, patterns.computeIfAbsent(call, c -> new RegexPatterns()));
            case CASE, COALESCE, IF, IFNULL, NULLIF -> Conditionals.apply(call.function(), arguments, type, rows);
            case CAST -> ColumnCaster.cast(arguments[0], type);
            case EXPLICIT_CAST -> ExplicitCasts.apply(arguments[0], type, rows, context.warnings());
            case STORE -> ColumnCaster.castForColumn(arguments[0], type, (String) arguments[1].get(0), 1);
            case L2_DISTANCE, L2_DISTANCE_SQ, COSINE_DISTANCE, COSINE_SIMILARITY, INNER_PRODUCT, L2_NORM, VECTOR_DIMS ->
                    VectorFunctions.apply(call.function(), arguments, rows);
            case YEAR, MONTH, DAY, CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_TIME, ADD_MONTHS, ADD_MILLISECONDS,
                 ADD_MICROSECONDS, HOUR, MINUTE, SECOND, MICROSECOND, DAYOFWEEK, DATEDIFF, UTC_TIMESTAMP ->
                    DateFunctions.apply(call.function(), arguments, type, rows, context.statementTime(), context.timeZone());
            case JSON_EXTRACT, JSON_UNQUOTE, JSON_QUOTE, JSON_OBJECT, JSON_ARRAY, JSON_VALID, JSON_TYPE, JSON_LENGTH,
                 JSON_KEYS, JSON_CONTAINS, JSON_CONTAINS_PATH, JSON_SET, JSON_INSERT, JSON_REPLACE, JSON_REMOVE ->
                    JsonFunctions.apply(call.function(), arguments, type, rows, jsonPaths);
            case DAYNAME, MONTHNAME, DAYOFYEAR, WEEKDAY, QUARTER, WEEK, YEARWEEK, LAST_DAY, TO_DAYS ->
                    CalendarFunctions.apply(call.function(), arguments, type, rows);
            case DATE_FORMAT -> TemporalFormatFunctions.dateFormat(arguments[0], arguments[1], type, rows,
                    context.statementTime().toLocalDate());
            case STR_TO_DATE -> TemporalFormatFunctions.strToDate(arguments[0], arguments[1], type, rows, context.warnings());
            case UNIX_TIMESTAMP -> arguments.length == 0 ? UnixTimeFunctions.now(context.statementTime(), context.timeZone(), rows)
                    : UnixTimeFunctions.unixTimestamp(arguments[0], type, rows, context.timeZone());
            case FROM_UNIXTIME -> UnixTimeFunctions.fromUnixTime(arguments[0], type, rows, context.timeZone());
            case CONVERT_TZ -> ConvertTimeZone.apply(arguments[0], arguments[1], arguments[2], type, rows,
                    java.time.ZoneId.systemDefault()); // SYSTEM there is the server's zone, whatever the session's
            case TIMESTAMPDIFF -> TimestampDiff.apply(arguments, rows);
            case INTERVAL_AMOUNT -> IntervalAmounts.apply(arguments[0], IntervalUnit.named((String) arguments[1].get(0)), rows,
                    context.warnings());
        };
    }

    private static void checkArity(ScalarFunction function, int count) {
        boolean ok = switch (function) {
            case NEGATE, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE, UPPER, LOWER,
                 CHAR_LENGTH, LENGTH, ABS, FLOOR, CEIL, CAST, EXPLICIT_CAST, YEAR, MONTH, DAY, REVERSE, SIGN, SQRT, EXP, LN, LOG10, HOUR,
                 MINUTE, SECOND, DAYOFWEEK, L2_NORM, VECTOR_DIMS, MICROSECOND, SPACE, LTRIM, RTRIM, ASCII, HEX, UNHEX,
                 DAYNAME, MONTHNAME, DAYOFYEAR, WEEKDAY, QUARTER, LAST_DAY, TO_DAYS, FROM_UNIXTIME -> count == 1;
            case PLUS, MINUS, MULTIPLY, DIVIDE, INT_DIVIDE, MOD, EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL,
                 GREATER_THAN, GREATER_THAN_OR_EQUAL, IFNULL, NULLIF, IS_NOT_DISTINCT_FROM,
                 IS_DISTINCT_FROM, LEFT, RIGHT, POWER, DATEDIFF, REPEAT, FORMAT, TRUNCATE,
                 DATE_FORMAT, STR_TO_DATE, INTERVAL_AMOUNT, STORE -> count == 2;
            case REPLACE, LPAD, RPAD, SUBSTRING_INDEX, TIMESTAMPDIFF, CONVERT_TZ -> count == 3;
            case LIKE, NOT_LIKE -> count == 2 || count == 3;
            case WEEK, YEARWEEK -> count == 1 || count == 2;
            case ADD_MONTHS, ADD_MILLISECONDS, ADD_MICROSECONDS -> count >= 2 && count <= 4;
            case UNIX_TIMESTAMP -> count <= 1;
            case REGEXP_LIKE -> count == 2 || count == 3;
            case REGEXP_SUBSTR -> count >= 2 && count <= 5;
            case REGEXP_INSTR -> count >= 2 && count <= 6;
            case REGEXP_REPLACE -> count >= 3 && count <= 6;
            case L2_DISTANCE, L2_DISTANCE_SQ, COSINE_DISTANCE, COSINE_SIMILARITY, INNER_PRODUCT -> count == 2;
            case LOCATE -> count == 2 || count == 3;
            case GREATEST, LEAST, CONCAT_WS -> count >= 2;
            case BETWEEN, IF -> count == 3;
            case IN, AND, OR -> count >= 2;
            case SUBSTRING -> count == 2 || count == 3;
            case ROUND -> count == 1 || count == 2;
            case TRIM -> count == 1 || count == 3;
            case CASE -> count >= 2;
            case CONCAT, COALESCE -> count >= 1;
            case CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_TIME, UTC_TIMESTAMP -> count <= 1;
            case JSON_EXTRACT, JSON_UNQUOTE, JSON_QUOTE, JSON_OBJECT, JSON_ARRAY, JSON_VALID, JSON_TYPE, JSON_LENGTH,
                 JSON_KEYS, JSON_CONTAINS, JSON_CONTAINS_PATH, JSON_SET, JSON_INSERT, JSON_REPLACE, JSON_REMOVE ->
                    JsonFunctions.acceptsArgumentCount(function, count);
        };
        if (!ok) {
            throw StrataException.of(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function '%s'", function.name());
        }
    }

    /** The SQL type a vector carries in its metadata, or {@code declared} when it carries none. */
    public static DataType sqlType(FieldVector vector, DataType declared) {
        Field field = vector.getField();
        if (field.getMetadata() == null || !field.getMetadata().containsKey(ArrowTypes.SQL_TYPE_KEY)) {
            return declared;
        }
        return ArrowTypes.sqlType(field);
    }
}
