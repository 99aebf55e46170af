package io.strata.sql.parser.ast;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Locale;

/**
 * MySQL's SQL-level prepared statements: {@code PREPARE name FROM 'text' | @var},
 * {@code EXECUTE name [USING @a, ...]} and {@code {DEALLOCATE | DROP} PREPARE name}. Names compare
 * without case; {@code source} is the statement text or, when {@code fromVariable}, the name of the
 * user variable holding it; {@code variables} are the USING variables' names (lower case).
 */
public final class SqlPreparedStatementCommand extends StrataStatementNode {
    /** Which of the three statements. */
    public enum Kind { PREPARE, EXECUTE, DEALLOCATE }

    private final Kind kind;
    private final String name;
    private final String source;
    private final boolean fromVariable;
    private final List<String> variables;

    private SqlPreparedStatementCommand(SqlParserPos pos, Kind kind, String name, String source, boolean fromVariable,
                                        List<String> variables) {
        super(pos, kind == Kind.DEALLOCATE ? "DEALLOCATE PREPARE" : kind.name());
        this.kind = kind;
        this.name = name.toLowerCase(Locale.ROOT);
        this.source = source;
        this.fromVariable = fromVariable;
        this.variables = List.copyOf(variables);
    }

    public static SqlPreparedStatementCommand prepare(SqlParserPos pos, String name, String text) {
        return new SqlPreparedStatementCommand(pos, Kind.PREPARE, name, text, false, List.of());
    }

    /** PREPARE name FROM @variable: {@code variableToken} as written ({@code @v}). */
    public static SqlPreparedStatementCommand prepareFromVariable(SqlParserPos pos, String name, String variableToken) {
        return new SqlPreparedStatementCommand(pos, Kind.PREPARE, name, VariableRefs.parse(variableToken).name(), true,
                List.of());
    }

    /** EXECUTE name USING the variables as written ({@code @a}). */
    public static SqlPreparedStatementCommand execute(SqlParserPos pos, String name, List<String> variableTokens) {
        return new SqlPreparedStatementCommand(pos, Kind.EXECUTE, name, null, false,
                variableTokens.stream().map(token -> VariableRefs.parse(token).name()).toList());
    }

    public static SqlPreparedStatementCommand deallocate(SqlParserPos pos, String name) {
        return new SqlPreparedStatementCommand(pos, Kind.DEALLOCATE, name, null, false, List.of());
    }

    public Kind kind() { return kind; }

    /** The statement's name, lower case. */
    public String name() { return name; }

    /** PREPARE: the text, or the user variable's name when {@link #fromVariable}. */
    public String source() { return source; }

    public boolean fromVariable() { return fromVariable; }

    /** EXECUTE: the USING variables' names, in order. */
    public List<String> variables() { return variables; }
}
