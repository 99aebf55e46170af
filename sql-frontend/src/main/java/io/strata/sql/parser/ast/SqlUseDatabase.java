package io.strata.sql.parser.ast;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Objects;

/** {@code USE db}. */
public final class SqlUseDatabase extends StrataStatementNode {
    private final String database;

    public SqlUseDatabase(SqlParserPos pos, String database) {
        super(pos, "USE");
        this.database = Objects.requireNonNull(database, "database");
    }

    public String database() {
        return database;
    }
}
