package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Objects;

/**
 * {@code SHOW ...} and {@code DESC t}. {@code target} is the table (or database) named by the statement,
 * {@code database} the one named by {@code FROM db}; {@code like} and {@code where} filter the rows.
 * Any of them may be null.
 */
public final class SqlShow extends StrataStatementNode {
    private final ShowKind kind;
    private final boolean full;
    private final String scope;
    private final SqlIdentifier target;
    private final SqlIdentifier database;
    private final SqlNode like;
    private final SqlNode where;

    public SqlShow(SqlParserPos pos, ShowKind kind, boolean full, String scope, SqlIdentifier target,
                   SqlIdentifier database, SqlNode like, SqlNode where) {
        super(pos, "SHOW");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.full = full;
        this.scope = scope;
        this.target = target;
        this.database = database;
        this.like = like;
        this.where = where;
    }

    public ShowKind kind() { return kind; }

    public boolean full() { return full; }

    /** GLOBAL, SESSION, LOCAL or null. */
    public String scope() { return scope; }

    public SqlIdentifier target() { return target; }

    public SqlIdentifier database() { return database; }

    /** The LIKE pattern as text, or null. */
    public String likePattern() { return like == null ? null : ParserValues.string(like); }

    public SqlNode where() { return where; }
}
