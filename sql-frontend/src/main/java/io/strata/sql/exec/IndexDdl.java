package io.strata.sql.exec;

import io.strata.common.session.StatementResult;
import io.strata.sql.catalog.TableKeys;
import io.strata.sql.parser.ast.AlterTableSpec;
import io.strata.sql.parser.ast.IndexSpec;
import io.strata.sql.parser.ast.SqlAlterTable;
import io.strata.sql.parser.ast.SqlCreateIndex;
import io.strata.sql.parser.ast.SqlDropIndex;
import io.strata.sql.plan.UnsupportedFeature;
import io.strata.txn.Transaction;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.sql.SqlIdentifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CREATE INDEX, DROP INDEX and the index specifications of ALTER TABLE, run in the DDL's own
 * transaction: a UNIQUE index over duplicate rows fails when that transaction commits (1062).
 */
final class IndexDdl {
    private IndexDdl() {}

    static StatementResult.Ok createIndex(SqlCreateIndex create, StatementContext context) {
        return alter(context, create.table(), List.of(new AlterTableSpec.AddIndex(create.index())));
    }

    static StatementResult.Ok dropIndex(SqlDropIndex drop, StatementContext context) {
        return alter(context, drop.table(), List.of(new AlterTableSpec.DropIndex(drop.name())));
    }

    static StatementResult.Ok alterTable(SqlAlterTable alter, StatementContext context) {
        return alter(context, alter.table(), alter.specs());
    }

    /**
     * Applies the drops, then the additions, as MySQL does ({@code DROP INDEX a, ADD INDEX a (x)} replaces
     * {@code a}). Every specification is checked before the first change; the session rolls the
     * transaction back if a later step fails, so the statement changes all or nothing.
     */
    private static StatementResult.Ok alter(StatementContext context, SqlIdentifier tableName, List<AlterTableSpec> specs) {
        for (AlterTableSpec spec : specs) {
            if (spec instanceof AlterTableSpec.Unsupported unsupported) {
                throw UnsupportedFeature.of("ALTER TABLE ... " + unsupported.what());
            }
        }
        TableDefinition table = TableNames.definition(context, tableName);
        Transaction transaction = context.transaction();
        Set<String> taken = new HashSet<>();
        table.indexes().forEach(index -> taken.add(index.name().toLowerCase(Locale.ROOT)));
        for (AlterTableSpec spec : specs) {
            if (spec instanceof AlterTableSpec.DropIndex drop) {
                if (drop.name().equalsIgnoreCase(TableKeys.PRIMARY) && !table.primaryKey().isEmpty()) {
                    throw UnsupportedFeature.of("dropping the PRIMARY KEY");
                }
                transaction.dropIndex(table.database(), table.name(), drop.name());
                taken.remove(drop.name().toLowerCase(Locale.ROOT));
            }
        }
        List<String> columnNames = table.columns().stream().map(ColumnDefinition::name).toList();
        List<IndexDefinition> added = new ArrayList<>();
        for (AlterTableSpec spec : specs) {
            if (spec instanceof AlterTableSpec.AddIndex add) {
                added.add(IndexDefinitions.of(add.index(), columnNames, taken));
            }
        }
        for (IndexDefinition index : added) {
            transaction.createIndex(table.database(), table.name(), index);
        }
        return StatementResult.Ok.of(0);
    }
}
