package io.strata.sql.parser.ast;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Objects;

/**
 * {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK}, and the savepoint statements
 * {@code SAVEPOINT s}, {@code ROLLBACK [WORK] TO [SAVEPOINT] s}, {@code RELEASE SAVEPOINT s}.
 */
public final class SqlTransactionControl extends StrataStatementNode {
    private final TransactionKind kind;
    private final String savepoint; // null unless a savepoint statement

    public SqlTransactionControl(SqlParserPos pos, TransactionKind kind) {
        this(pos, kind, null);
    }

    public SqlTransactionControl(SqlParserPos pos, TransactionKind kind, String savepoint) {
        super(pos, kind.name());
        this.kind = Objects.requireNonNull(kind, "kind");
        this.savepoint = savepoint;
    }

    public TransactionKind kind() {
        return kind;
    }

    /** The savepoint's name for the savepoint statements, else null. */
    public String savepoint() {
        return savepoint;
    }
}
