package io.strata.sql.parser;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.sql.parser.impl.StrataSqlParserImpl;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.List;

/**
 * Parses MySQL text with Strata's grammar (Calcite's Parser.jj plus the MySQL statements of
 * {@code src/main/codegen}). Syntax errors become ER_PARSE_ERROR with MySQL's message.
 */
public final class StrataParser {
    static {
        io.strata.sql.parser.CalciteDefaults.install();
    }

    /** MySQL quotes the rest of the statement from the error on, cut to this many characters. */
    private static final int NEAR_TEXT_LIMIT = 80;

    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(StrataSqlParserImpl.FACTORY)
            .withLex(Lex.MYSQL)
            .withConformance(SqlConformanceEnum.MYSQL_5)
            .withIdentifierMaxLength(256);

    private StrataParser() {}

    /** Whether {@code sql} is one bare BEGIN, START TRANSACTION, COMMIT or ROLLBACK (cheap: no parser is built). */
    public static boolean isTransactionControl(String sql) {
        return TransactionControlShortcut.match(sql) != null;
    }

    /**
     * Parses every statement of {@code sql} (separated by {@code ;}).
     *
     * @throws StrataException ER_EMPTY_QUERY for no statement, ER_PARSE_ERROR for a syntax error
     */
    public static List<SqlNode> parseStatements(String sql) {
        if (sql.isBlank()) {
            throw new StrataException(ErrorCode.ER_EMPTY_QUERY, "Query was empty");
        }
        SqlNode shortcut = TransactionControlShortcut.match(sql);
        if (shortcut != null) {
            return List.of(shortcut);
        }
        List<SqlNode> statements;
        MysqlStringLiterals.Rewritten text = MysqlStringLiterals.rewrite(ExecutableComments.open(sql));
        List<SqlWords.Word> words = SqlWords.scan(text.text());
        String blanked = NthValueFromFirst.blank(SelectModifiers.blank(text.text(), words), words);
        if (CompoundIntervals.mayContain(blanked)) {
            blanked = CompoundIntervals.rewrite(blanked, words);
        }
        if (ConvertTypes.mayContain(blanked)) {
            blanked = ConvertTypes.rewrite(blanked, words);
        }
        LockingClauses.Stripped locking = LockingClauses.strip(blanked, words);
        ExplainPrefixes.Stripped explains = ExplainPrefixes.strip(locking.text(), words);
        try {
            statements = SqlParser.create(explains.text(), CONFIG).parseStmtList().getList();
        } catch (SqlParseException e) {
            throw syntaxError(sql, e.getPos() == null ? sql.length()
                    : text.originalOffset(offsetOf(text.text(), Math.max(e.getPos().getLineNum(), 1), e.getPos().getColumnNum())), e);
        }
        if (statements.isEmpty()) {
            throw new StrataException(ErrorCode.ER_EMPTY_QUERY, "Query was empty");
        }
        if (JsonSyntax.mayContain(sql)) {
            statements.forEach(statement -> JsonSyntax.rewrite(statement, sql));
        }
        statements = locking.any() ? withLocking(sql, statements, locking.clauses()) : statements;
        return explains.any() ? withExplain(sql, statements, explains.explains()) : statements;
    }

    /** Wraps each query that an EXPLAIN prefix was blanked from (a locking read is explained as its query). */
    private static List<SqlNode> withExplain(String sql, List<SqlNode> statements, List<ExplainPrefixes.Explain> explains) {
        if (explains.size() != statements.size()) {
            throw syntaxError(sql, sql.length(), null);
        }
        List<SqlNode> wrapped = new java.util.ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            SqlNode statement = statements.get(i);
            ExplainPrefixes.Explain explain = explains.get(i);
            if (explain == null) {
                wrapped.add(statement);
                continue;
            }
            SqlNode query = statement instanceof io.strata.sql.parser.ast.SqlLockingRead locking ? locking.query() : statement;
            if (!query.getKind().belongsTo(org.apache.calcite.sql.SqlKind.QUERY)) {
                throw io.strata.sql.plan.UnsupportedFeature.of("EXPLAIN of " + query.getKind());
            }
            wrapped.add(new io.strata.sql.parser.ast.SqlExplainQuery(statement.getParserPosition(), query,
                    explain.analyze(), explain.format()));
        }
        return wrapped;
    }

    /** Wraps each query that ended with a locking clause; a clause after anything else is a syntax error. */
    private static List<SqlNode> withLocking(String sql, List<SqlNode> statements, List<LockingClauses.Clause> clauses) {
        if (clauses.size() != statements.size()) {
            throw syntaxError(sql, sql.length(), null);
        }
        List<SqlNode> wrapped = new java.util.ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            SqlNode statement = statements.get(i);
            LockingClauses.Clause clause = clauses.get(i);
            if (clause == null) {
                wrapped.add(statement);
            } else if (statement.getKind() == org.apache.calcite.sql.SqlKind.SELECT
                    || statement.getKind() == org.apache.calcite.sql.SqlKind.ORDER_BY) {
                wrapped.add(new io.strata.sql.parser.ast.SqlLockingRead(statement.getParserPosition(), statement,
                        clause.mode(), clause.noWait()));
            } else {
                throw syntaxError(sql, statement.getParserPosition(), null);
            }
        }
        return wrapped;
    }

    /** Parses exactly one statement. */
    public static SqlNode parseOne(String sql) {
        List<SqlNode> statements = parseStatements(sql);
        if (statements.size() != 1) {
            throw syntaxError(sql, statements.get(1).getParserPosition(), null);
        }
        return statements.get(0);
    }

    /** MySQL's 1064 message, quoting the text from {@code pos} on. */
    public static StrataException syntaxError(String sql, SqlParserPos pos, Throwable cause) {
        int line = pos == null ? 1 : Math.max(pos.getLineNum(), 1);
        return syntaxError(sql, pos == null ? sql.length() : offsetOf(sql, line, pos.getColumnNum()), cause);
    }

    /** MySQL's 1064 message, quoting the text from {@code offset} on. */
    private static StrataException syntaxError(String sql, int offset, Throwable cause) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        String near = sql.substring(Math.min(offset, sql.length()));
        if (near.length() > NEAR_TEXT_LIMIT) {
            near = near.substring(0, NEAR_TEXT_LIMIT);
        }
        String message = "You have an error in your SQL syntax; check the manual that corresponds to your MySQL "
                + "server version for the right syntax to use near '" + near + "' at line " + line;
        return new StrataException(ErrorCode.ER_PARSE_ERROR, message, cause);
    }

    private static int offsetOf(String sql, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line && offset < sql.length(); offset++) {
            if (sql.charAt(offset) == '\n') {
                current++;
            }
        }
        return Math.max(0, offset + Math.max(column, 1) - 1);
    }
}
