package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;

import java.util.Locale;

/**
 * References to {@code @@system} and {@code @user} variables in expressions. The parser makes a call
 * of {@link #SYSTEM_VARIABLE} or {@link #USER_VARIABLE} with the variable's name as a string literal;
 * the session replaces the call by the variable's value before validation (a variable is constant
 * within a statement, as in MySQL).
 */
public final class VariableRefs {
    public static final SqlFunction SYSTEM_VARIABLE = new SqlFunction("STRATA_SYSTEM_VARIABLE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR, null, null, SqlFunctionCategory.SYSTEM);
    public static final SqlFunction GLOBAL_VARIABLE = new SqlFunction("STRATA_GLOBAL_VARIABLE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR, null, null, SqlFunctionCategory.SYSTEM);
    public static final SqlFunction USER_VARIABLE = new SqlFunction("STRATA_USER_VARIABLE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);

    private VariableRefs() {}

    /** A parsed variable token: its scope and its lower-case (system) or as-written (user) name. */
    public record Reference(VariableScope scope, String name) {}

    /** Splits {@code @@session.x}, {@code @@x}, {@code @x} or a plain {@code x}. */
    public static Reference parse(String text) {
        if (text.startsWith("@@")) {
            String name = text.substring(2).toLowerCase(Locale.ROOT);
            if (name.startsWith("global.")) {
                return new Reference(VariableScope.GLOBAL, name.substring("global.".length()));
            }
            if (name.startsWith("session.")) {
                return new Reference(VariableScope.SESSION, name.substring("session.".length()));
            }
            if (name.startsWith("local.")) {
                return new Reference(VariableScope.SESSION, name.substring("local.".length()));
            }
            return new Reference(VariableScope.SESSION, name);
        }
        if (text.startsWith("@")) {
            return new Reference(VariableScope.USER, text.substring(1).toLowerCase(Locale.ROOT));
        }
        return new Reference(VariableScope.SESSION, text.toLowerCase(Locale.ROOT));
    }

    /** The expression node for a variable token as written in the SQL text. */
    public static SqlNode reference(String text, SqlParserPos pos) {
        Reference reference = parse(text);
        SqlFunction function = switch (reference.scope()) {
            case SESSION -> SYSTEM_VARIABLE;
            case GLOBAL -> GLOBAL_VARIABLE;
            case USER -> USER_VARIABLE;
        };
        // The literal keeps the text as written: MySQL names the result column after it.
        return function.createCall(pos, SqlLiteral.createCharString(reference.name(), pos),
                SqlLiteral.createCharString(text, pos));
    }
}
