package io.strata.sql.plan;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySQL's JSON functions and the {@code ->} / {@code ->>} operators as Calcite sees them. Calcite's MYSQL
 * library has functions of the same names with other semantics (its JSON_TYPE, JSON_LENGTH, JSON_SET...), so
 * {@link #withoutCalcites} hides those. To Calcite a JSON value is a string; {@link RexToExpr} gives the
 * calls that return documents the JSON type, which is what makes them print normalized and compare as JSON.
 */
public final class JsonOperators {
    private static final SqlReturnTypeInference NULLABLE_TEXT = ReturnTypes.explicit(SqlTypeName.VARCHAR)
            .andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference NULLABLE_INTEGER = ReturnTypes.explicit(SqlTypeName.INTEGER)
            .andThen(SqlTypeTransforms.FORCE_NULLABLE);

    /** {@code doc -> 'path'}: JSON_EXTRACT(doc, 'path'). Binds tighter than every other operator, as in MySQL. */
    public static final SqlBinaryOperator EXTRACT_ARROW = new SqlBinaryOperator("->", SqlKind.OTHER, 96, true,
            NULLABLE_TEXT, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);

    /** {@code doc ->> 'path'}: JSON_UNQUOTE(JSON_EXTRACT(doc, 'path')). */
    public static final SqlBinaryOperator UNQUOTED_EXTRACT_ARROW = new SqlBinaryOperator("->>", SqlKind.OTHER, 96, true,
            NULLABLE_TEXT, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);

    /** CAST(x AS JSON), which the parser turns into this call (Calcite has no JSON type to cast to). */
    public static final SqlFunction CAST_AS_JSON = function("CAST_AS_JSON", NULLABLE_TEXT, 1, 1);

    public static final List<SqlFunction> FUNCTIONS = List.of(
            function("JSON_EXTRACT", NULLABLE_TEXT, 2, -1),
            function("JSON_UNQUOTE", NULLABLE_TEXT, 1, 1),
            function("JSON_QUOTE", NULLABLE_TEXT, 1, 1),
            function("JSON_VALID", NULLABLE_INTEGER, 1, 1),
            function("JSON_TYPE", NULLABLE_TEXT, 1, 1),
            function("JSON_LENGTH", NULLABLE_INTEGER, 1, 2),
            function("JSON_KEYS", NULLABLE_TEXT, 1, 2),
            function("JSON_CONTAINS", NULLABLE_INTEGER, 2, 3),
            function("JSON_CONTAINS_PATH", NULLABLE_INTEGER, 3, -1),
            function("JSON_SET", NULLABLE_TEXT, 3, -1),
            function("JSON_INSERT", NULLABLE_TEXT, 3, -1),
            function("JSON_REPLACE", NULLABLE_TEXT, 3, -1),
            function("JSON_REMOVE", NULLABLE_TEXT, 2, -1),
            CAST_AS_JSON);

    /** The functions and the two operators, for the validator's operator table. */
    public static final List<SqlOperator> OPERATORS = java.util.stream.Stream.concat(FUNCTIONS.stream(),
            java.util.stream.Stream.of(EXTRACT_ARROW, UNQUOTED_EXTRACT_ARROW)).toList();

    private static final Set<String> NAMES = FUNCTIONS.stream().map(SqlFunction::getName).collect(Collectors.toSet());

    private JsonOperators() {}

    /** A function taking {@code min} to {@code max} arguments of any type ({@code max} -1: no limit). */
    private static SqlFunction function(String name, SqlReturnTypeInference returnType, int min, int max) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, InferTypes.VARCHAR_1024,
                OperandTypes.variadic(max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max)),
                SqlFunctionCategory.STRING);
    }

    /** {@code table} without its operators named like ours. */
    public static SqlOperatorTable withoutCalcites(SqlOperatorTable table) {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
                                                List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
                int before = operatorList.size();
                table.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
                operatorList.subList(before, operatorList.size()).removeIf(operator -> NAMES.contains(operator.getName()));
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                return table.getOperatorList().stream().filter(operator -> !NAMES.contains(operator.getName())).toList();
            }
        };
    }
}
