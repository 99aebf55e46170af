package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.sql.SqlIdentifier;

import java.util.Locale;

/** Resolves a table name as written ({@code t} or {@code db.t}) against the current database and catalog. */
public final class TableNames {
    /** A database and table name, lower case. */
    public record QualifiedName(String database, String table) {
        @Override
        public String toString() {
            return database + "." + table;
        }
    }

    private TableNames() {}

    /** @throws StrataException ER_NO_DB_ERROR when the name is unqualified and no database is selected */
    public static QualifiedName qualify(SqlIdentifier name, String currentDatabase) {
        if (name.names.size() >= 2) {
            int n = name.names.size();
            return new QualifiedName(name.names.get(n - 2).toLowerCase(Locale.ROOT), name.names.get(n - 1).toLowerCase(Locale.ROOT));
        }
        if (currentDatabase == null) {
            throw new StrataException(ErrorCode.ER_NO_DB_ERROR, "No database selected");
        }
        return new QualifiedName(currentDatabase, name.getSimple().toLowerCase(Locale.ROOT));
    }

    /** The table's definition; throws ER_NO_SUCH_TABLE when it does not exist. */
    public static TableDefinition definition(StatementContext context, SqlIdentifier name) {
        QualifiedName qualified = qualify(name, context.database());
        return context.transaction().catalog().table(qualified.database(), qualified.table())
                .orElseThrow(() -> StrataException.of(ErrorCode.ER_NO_SUCH_TABLE, "Table '%s' doesn't exist", qualified));
    }
}
