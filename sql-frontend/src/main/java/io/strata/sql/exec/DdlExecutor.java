package io.strata.sql.exec;

import io.strata.common.session.StatementResult;
import io.strata.sql.parser.ast.SqlAlterTable;
import io.strata.sql.parser.ast.SqlCreateDatabase;
import io.strata.sql.parser.ast.SqlCreateIndex;
import io.strata.sql.parser.ast.SqlDropIndex;
import io.strata.sql.parser.ast.SqlTruncateTable;
import org.apache.calcite.sql.SqlDelete;
import io.strata.sql.parser.ast.SqlCreateTable;
import io.strata.sql.parser.ast.SqlDropDatabase;
import io.strata.sql.parser.ast.SqlDropTable;
import io.strata.txn.Transaction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE/DROP DATABASE and TABLE, CREATE/DROP INDEX, ALTER TABLE (index specifications) and TRUNCATE,
 * each run in a transaction of its own by the session.
 */
public final class DdlExecutor {
    private DdlExecutor() {}

    /** Whether {@code node} is DDL this executor runs. */
    public static boolean handles(SqlNode node) {
        return node instanceof SqlCreateDatabase || node instanceof SqlDropDatabase
                || node instanceof SqlCreateTable || node instanceof SqlDropTable
                || node instanceof SqlCreateIndex || node instanceof SqlDropIndex || node instanceof SqlAlterTable
                || node instanceof SqlTruncateTable;
    }

    public static StatementResult.Ok execute(SqlNode node, StatementContext context) {
        Transaction transaction = context.transaction();
        switch (node) {
            case SqlCreateDatabase create -> {
                boolean existed = transaction.catalog().databaseExists(create.database());
                transaction.createDatabase(create.database().toLowerCase(java.util.Locale.ROOT), create.ifNotExists);
                return StatementResult.Ok.of(existed ? 0 : 1);
            }
            case SqlDropDatabase drop -> {
                int tables = transaction.catalog().tables(drop.database()).size();
                transaction.dropDatabase(drop.database().toLowerCase(java.util.Locale.ROOT), drop.ifExists);
                if (drop.database().equalsIgnoreCase(context.database())) {
                    context.session().database(null);
                }
                return StatementResult.Ok.of(tables);
            }
            case SqlCreateTable create -> {
                TableNames.QualifiedName name = TableNames.qualify(create.name(), context.database());
                transaction.createTable(TableDefinitions.of(create, name), create.ifNotExists());
                return StatementResult.Ok.of(0);
            }
            case SqlDropTable drop -> {
                for (SqlIdentifier table : drop.tables()) {
                    TableNames.QualifiedName name = TableNames.qualify(table, context.database());
                    transaction.dropTable(name.database(), name.table(), drop.ifExists());
                }
                return StatementResult.Ok.of(0);
            }
            case SqlCreateIndex create -> { return IndexDdl.createIndex(create, context); }
            case SqlDropIndex drop -> { return IndexDdl.dropIndex(drop, context); }
            case SqlAlterTable alter -> { return IndexDdl.alterTable(alter, context); }
            case SqlTruncateTable truncate -> {
                DeleteExecutor.execute(new SqlDelete(truncate.getParserPosition(), truncate.table(), null, null, null), context);
                return StatementResult.Ok.of(0);
            }
            default -> throw new IllegalArgumentException("not DDL: " + node.getKind());
        }
    }
}
