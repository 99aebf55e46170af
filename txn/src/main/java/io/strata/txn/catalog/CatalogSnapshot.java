package io.strata.txn.catalog;

import java.util.List;
import java.util.Optional;

/** Databases and tables as one transaction sees them (its snapshot plus its own DDL). Lookups ignore case. */
public interface CatalogSnapshot {
    List<String> databases();

    boolean databaseExists(String database);

    /** Tables of {@code database} sorted by name; empty if the database does not exist. */
    List<TableDefinition> tables(String database);

    Optional<TableDefinition> table(String database, String table);
}
