package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code name = value} of a SET statement. System variable names are lower case; {@code value}
 * is an expression evaluated when the statement runs (an identifier such as {@code OFF} means its name).
 */
public record VariableAssignment(VariableScope scope, String name, SqlNode value) {
    public VariableAssignment {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * An assignment as written: {@code name} may be {@code @@[global.|session.|local.]x}, {@code @x}
     * or a plain name with {@code keywordScope} (GLOBAL, SESSION, LOCAL or null) before it.
     */
    public static VariableAssignment of(String keywordScope, String name, SqlNode value, SqlParserPos pos) {
        VariableRefs.Reference reference = VariableRefs.parse(name);
        VariableScope scope = reference.scope();
        if (!name.startsWith("@") && "GLOBAL".equals(keywordScope)) {
            scope = VariableScope.GLOBAL;
        }
        return new VariableAssignment(scope, reference.name(), value);
    }

    public static VariableAssignment literal(String keywordScope, String name, String value) {
        VariableScope scope = "GLOBAL".equals(keywordScope) ? VariableScope.GLOBAL : VariableScope.SESSION;
        return new VariableAssignment(scope, name.toLowerCase(Locale.ROOT),
                SqlLiteral.createCharString(value, SqlParserPos.ZERO));
    }

    /** SET NAMES x: the three variables MySQL sets. */
    public static List<VariableAssignment> names(String charset) {
        return List.of(
                literal(null, "character_set_client", charset),
                literal(null, "character_set_connection", charset),
                literal(null, "character_set_results", charset));
    }

    /** SET CHARACTER SET x. */
    public static List<VariableAssignment> characterSet(String charset) {
        return List.of(
                literal(null, "character_set_client", charset),
                literal(null, "character_set_results", charset));
    }
}
