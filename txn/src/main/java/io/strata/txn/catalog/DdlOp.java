package io.strata.txn.catalog;

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
}
