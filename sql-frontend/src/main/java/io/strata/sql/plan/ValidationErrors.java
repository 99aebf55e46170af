package io.strata.sql.plan;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.apache.calcite.runtime.CalciteContextException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Calcite's validation errors into MySQL's errors (codes and message shapes). */
public final class ValidationErrors {
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found in (any table|table '[^']*')");
    private static final Pattern UNKNOWN_IDENTIFIER = Pattern.compile("Unknown identifier '([^']*)'");
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']*)' not found");
    private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
    private static final Pattern NO_FUNCTION = Pattern.compile("No match found for function signature ([A-Za-z_0-9$]+)\\(");
    private static final Pattern SET_OPERATION_COLUMNS = Pattern.compile("Column count mismatch in (UNION|INTERSECT|EXCEPT)");
    private static final Pattern ARGUMENT_COUNT = Pattern.compile("Invalid number of arguments to function '([^']*)'");
    private static final Pattern NOT_GROUPED = Pattern.compile("Expression '([^']*)' is not being grouped");

    private ValidationErrors() {}

    /** @param database the current database, or null (unqualified tables then mean error 1046) */
    public static StrataException translate(CalciteContextException e, String database) {
        return translate(e, database, null);
    }

    /**
     * @param database the current database, or null (unqualified tables then mean error 1046)
     * @param offending the text of the node the error is about (null if unknown), which some messages quote
     */
    public static StrataException translate(CalciteContextException e, String database, String offending) {
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        StrataException window = WindowErrors.fromCalcite(message, offending == null ? "" : offending);
        if (window != null) {
            return window;
        }
        Matcher m;
        if ((m = COLUMN_NOT_FOUND.matcher(message)).find() || (m = UNKNOWN_IDENTIFIER.matcher(message)).find()) {
            return StrataException.of(ErrorCode.ER_BAD_FIELD_ERROR, "Unknown column '%s' in 'field list'", m.group(1));
        }
        if ((m = OBJECT_NOT_FOUND.matcher(message)).find() || (m = TABLE_NOT_FOUND.matcher(message)).find()) {
            return tableNotFound(m, database, e);
        }
        if ((m = AMBIGUOUS.matcher(message)).find()) {
            return StrataException.of(ErrorCode.ER_NON_UNIQ_ERROR, "Column '%s' in field list is ambiguous", m.group(1));
        }
        if ((m = ARGUMENT_COUNT.matcher(message)).find()) {
            return wrongArgumentCount(m.group(1));
        }
        if ((m = NO_FUNCTION.matcher(message)).find()) {
            if (MysqlFunctionNames.isKnown(m.group(1))) {
                return wrongArgumentCount(m.group(1)); // the name exists; the arguments do not fit it
            }
            return StrataException.of(ErrorCode.ER_SP_DOES_NOT_EXIST, "FUNCTION %s.%s does not exist",
                    database == null ? "strata" : database, m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        if (SET_OPERATION_COLUMNS.matcher(message).find()) {
            return StrataException.of(ErrorCode.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT,
                    "The used SELECT statements have a different number of columns");
        }
        if ((m = NOT_GROUPED.matcher(message)).find()) {
            return StrataException.of(ErrorCode.ER_WRONG_FIELD_WITH_GROUP, "Expression #1 of SELECT list is not in "
                    + "GROUP BY clause and contains nonaggregated column '%s'; this is incompatible with "
                    + "sql_mode=only_full_group_by", m.group(1));
        }
        return new StrataException(ErrorCode.ER_PARSE_ERROR, message, e);
    }

    private static StrataException wrongArgumentCount(String function) {
        return StrataException.of(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                "Incorrect parameter count in the call to native function '%s'", function.toLowerCase(java.util.Locale.ROOT));
    }

    private static StrataException tableNotFound(Matcher m, String database, CalciteContextException e) {
        String name = m.group(1);
        String within = m.groupCount() >= 2 ? m.group(2) : null;
        if (within != null) {
            return StrataException.of(ErrorCode.ER_NO_SUCH_TABLE, "Table '%s.%s' doesn't exist", within.toLowerCase(),
                    name.toLowerCase());
        }
        if (name.contains(".")) {
            return StrataException.of(ErrorCode.ER_NO_SUCH_TABLE, "Table '%s' doesn't exist", name.toLowerCase());
        }
        if (database == null) {
            return new StrataException(ErrorCode.ER_NO_DB_ERROR, "No database selected", e);
        }
        return StrataException.of(ErrorCode.ER_NO_SUCH_TABLE, "Table '%s.%s' doesn't exist", database, name.toLowerCase());
    }
}
