package io.strata.txn.catalog;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

/**
 * One catalog change made by a transaction. Applied to the transaction's own catalog view when made,
 * and again to the latest catalog at commit, where a concurrent change can make it fail.
 */
public sealed interface DdlOp {
    CatalogState apply(CatalogState catalog);

    record CreateDatabase(String database) implements DdlOp {
        public CatalogState apply(CatalogState catalog) {
            return catalog.withDatabase(database);
        }
    }

    record DropDatabase(String database) implements DdlOp {
        public CatalogState apply(CatalogState catalog) {
            return catalog.withoutDatabase(database);
        }
    }

    record CreateTable(TableDefinition definition) implements DdlOp {
        public CatalogState apply(CatalogState catalog) {
            return catalog.withTable(definition);
        }
    }

    record DropTable(String database, String table) implements DdlOp {
        public CatalogState apply(CatalogState catalog) {
            return catalog.withoutTable(database, table);
        }
    }

    /**
     * Adds a secondary index to the table with id {@code tableId}. Committing a UNIQUE one checks the
     * table's committed rows (ER_DUP_ENTRY if two live rows share a key).
     */
    record CreateIndex(long tableId, IndexDefinition index) implements DdlOp {
        public CatalogState apply(CatalogState catalog) {
            TableDefinition table = existing(catalog, tableId);
            if (table.index(index.name()).isPresent()) {
                throw StrataException.of(ErrorCode.ER_DUP_KEYNAME, "Duplicate key name '%s'", index.name());
            }
            return catalog.withReplacedTable(table.withIndex(index));
        }
    }

    record DropIndex(long tableId, String indexName) implements DdlOp {
        public CatalogState apply(CatalogState catalog) {
            TableDefinition table = existing(catalog, tableId);
            if (table.index(indexName).isEmpty()) {
                throw StrataException.of(ErrorCode.ER_CANT_DROP_FIELD_OR_KEY,
                        "Can't DROP '%s'; check that column/key exists", indexName);
            }
            return catalog.withReplacedTable(table.withoutIndex(indexName));
        }
    }

    private static TableDefinition existing(CatalogState catalog, long tableId) {
        return catalog.tableById(tableId).orElseThrow(() -> StrataException.of(
                ErrorCode.ER_NO_SUCH_TABLE, "Table with id %d doesn't exist", tableId));
    }
}
