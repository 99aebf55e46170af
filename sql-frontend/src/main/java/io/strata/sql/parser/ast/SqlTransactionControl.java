package io.strata.sql.parser.ast;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Objects;

/** {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT} or {@code ROLLBACK}. */
public final class SqlTransactionControl extends StrataStatementNode {
    private final TransactionKind kind;

    public SqlTransactionControl(SqlParserPos pos, TransactionKind kind) {
        super(pos, kind.name());
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public TransactionKind kind() {
        return kind;
    }
}
