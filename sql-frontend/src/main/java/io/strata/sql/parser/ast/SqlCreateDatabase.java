package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/** {@code CREATE DATABASE [IF NOT EXISTS] db}. */
public final class SqlCreateDatabase extends SqlCreate {
    private static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE DATABASE", SqlKind.CREATE_SCHEMA);
    private final String database;

    public SqlCreateDatabase(SqlParserPos pos, boolean ifNotExists, String database) {
        super(OPERATOR, pos, false, ifNotExists);
        this.database = Objects.requireNonNull(database, "database");
    }

    public String database() { return database; }

    @Override
    public List<SqlNode> getOperandList() { return List.of(); }
}
