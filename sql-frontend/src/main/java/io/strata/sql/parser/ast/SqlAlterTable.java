package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/** {@code ALTER TABLE t spec [, spec ...]}; Strata runs the index specifications (see {@link AlterTableSpec}). */
public final class SqlAlterTable extends StrataStatementNode {
    private final SqlIdentifier table;
    private final List<AlterTableSpec> specs;

    public SqlAlterTable(SqlParserPos pos, SqlIdentifier table, List<AlterTableSpec> specs) {
        super(pos, "ALTER TABLE");
        this.table = Objects.requireNonNull(table, "table");
        this.specs = List.copyOf(specs);
        if (this.specs.isEmpty()) {
            throw new IllegalArgumentException("ALTER TABLE without a specification");
        }
    }

    public SqlIdentifier table() {
        return table;
    }

    public List<AlterTableSpec> specs() {
        return specs;
    }
}
