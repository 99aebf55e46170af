package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/** {@code DROP DATABASE [IF EXISTS] db}. */
public final class SqlDropDatabase extends SqlDrop {
    private static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("DROP DATABASE", SqlKind.DROP_SCHEMA);
    private final String database;

    public SqlDropDatabase(SqlParserPos pos, boolean ifExists, String database) {
        super(OPERATOR, pos, ifExists);
        this.database = Objects.requireNonNull(database, "database");
    }

    public String database() { return database; }

    @Override
    public List<SqlNode> getOperandList() { return List.of(); }
}
