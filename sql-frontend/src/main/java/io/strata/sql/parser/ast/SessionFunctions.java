package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * MySQL's session information functions whose names are keywords in Calcite ({@code USER()},
 * {@code DATABASE()}...). Like variables, the session replaces them by their value before validation.
 */
public final class SessionFunctions {
    private SessionFunctions() {}

    /** A call of the function named {@code name} (upper case) with no arguments. */
    public static SqlNode call(String name, SqlParserPos pos) {
        SqlFunction function = new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR_NULLABLE, null,
                OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM);
        return function.createCall(pos);
    }
}
