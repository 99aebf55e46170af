package io.strata.sql.session;

import io.strata.common.session.StatementResult;
import io.strata.common.session.StatementResults;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The statements of one COM_QUERY, run one by one as the protocol asks for their results. Parsing
 * happens on the first {@link #next()}, so a syntax error is reported like any statement's error;
 * after an error no further statement runs.
 */
final class LazyStatementResults implements StatementResults {
    private final Supplier<List<SqlNode>> parser;
    private final Function<SqlNode, StatementResult> executor;
    private List<SqlNode> statements;
    private int next;
    private boolean failed;

    LazyStatementResults(Supplier<List<SqlNode>> parser, Function<SqlNode, StatementResult> executor) {
        this.parser = parser;
        this.executor = executor;
    }

    @Override
    public boolean hasNext() {
        return !failed && (statements == null || next < statements.size());
    }

    @Override
    public StatementResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            if (statements == null) {
                statements = parser.get();
            }
            return executor.apply(statements.get(next++));
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public void close() {
        failed = true;
    }
}
