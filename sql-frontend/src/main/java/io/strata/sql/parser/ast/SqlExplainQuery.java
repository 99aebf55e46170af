package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Objects;

/**
 * MySQL's {@code EXPLAIN [ANALYZE] [FORMAT = name] query}: the query's plan as a tree, or with ANALYZE the
 * query run and each operator's rows, batches and time. {@code format} is upper-case, null when not given.
 */
public final class SqlExplainQuery extends StrataStatementNode {
    private final SqlNode query;
    private final boolean analyze;
    private final String format;

    public SqlExplainQuery(SqlParserPos pos, SqlNode query, boolean analyze, String format) {
        super(pos, analyze ? "EXPLAIN ANALYZE" : "EXPLAIN");
        this.query = Objects.requireNonNull(query, "query");
        this.analyze = analyze;
        this.format = format;
    }

    public SqlNode query() {
        return query;
    }

    public boolean analyze() {
        return analyze;
    }

    public String format() {
        return format;
    }
}
