package io.strata.txn.catalog;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable version of the catalog: databases and their tables, keyed by lower-cased name. Each
 * change returns a new version (the catalog is small; copying beats sharing for simplicity).
 */
public final class CatalogState implements CatalogSnapshot {
    public static final CatalogState EMPTY = new CatalogState(new TreeMap<>());

    private final Map<String, Map<String, TableDefinition>> databases;

    private CatalogState(TreeMap<String, Map<String, TableDefinition>> databases) {
        this.databases = Collections.unmodifiableMap(databases);
    }

    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<String> databases() {
        return List.copyOf(databases.keySet());
    }

    @Override
    public boolean databaseExists(String database) {
        return databases.containsKey(normalize(database));
    }

    @Override
    public List<TableDefinition> tables(String database) {
        Map<String, TableDefinition> tables = databases.get(normalize(database));
        return tables == null ? List.of() : List.copyOf(tables.values());
    }

    @Override
    public Optional<TableDefinition> table(String database, String table) {
        Map<String, TableDefinition> tables = databases.get(normalize(database));
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(normalize(table)));
    }

    /** Every table of every database. */
    public List<TableDefinition> allTables() {
        List<TableDefinition> all = new ArrayList<>();
        databases.values().forEach(tables -> all.addAll(tables.values()));
        return all;
    }

    public Optional<TableDefinition> tableById(long tableId) {
        for (Map<String, TableDefinition> tables : databases.values()) {
            for (TableDefinition definition : tables.values()) {
                if (definition.tableId() == tableId) {
                    return Optional.of(definition);
                }
            }
        }
        return Optional.empty();
    }

    public CatalogState withDatabase(String database) {
        String name = normalize(database);
        if (databases.containsKey(name)) {
            throw StrataException.of(ErrorCode.ER_DB_CREATE_EXISTS, "Can't create database '%s'; database exists", name);
        }
        TreeMap<String, Map<String, TableDefinition>> copy = new TreeMap<>(databases);
        copy.put(name, Collections.unmodifiableMap(new TreeMap<>()));
        return new CatalogState(copy);
    }

    public CatalogState withoutDatabase(String database) {
        String name = normalize(database);
        if (!databases.containsKey(name)) {
            throw StrataException.of(ErrorCode.ER_DB_DROP_EXISTS, "Can't drop database '%s'; database doesn't exist", name);
        }
        TreeMap<String, Map<String, TableDefinition>> copy = new TreeMap<>(databases);
        copy.remove(name);
        return new CatalogState(copy);
    }

    /** Adds {@code definition} (names already lower-cased by the caller or not: they are normalized here). */
    public CatalogState withTable(TableDefinition definition) {
        String database = normalize(definition.database());
        String name = normalize(definition.name());
        Map<String, TableDefinition> tables = databases.get(database);
        if (tables == null) {
            throw StrataException.of(ErrorCode.ER_BAD_DB_ERROR, "Unknown database '%s'", database);
        }
        if (tables.containsKey(name)) {
            throw StrataException.of(ErrorCode.ER_TABLE_EXISTS_ERROR, "Table '%s' already exists", name);
        }
        TreeMap<String, TableDefinition> tableCopy = new TreeMap<>(tables);
        tableCopy.put(name, definition.withNames(database, name));
        TreeMap<String, Map<String, TableDefinition>> copy = new TreeMap<>(databases);
        copy.put(database, Collections.unmodifiableMap(tableCopy));
        return new CatalogState(copy);
    }

    public CatalogState withoutTable(String database, String table) {
        String databaseName = normalize(database);
        String name = normalize(table);
        Map<String, TableDefinition> tables = databases.get(databaseName);
        if (tables == null || !tables.containsKey(name)) {
            throw StrataException.of(ErrorCode.ER_BAD_TABLE_ERROR, "Unknown table '%s.%s'", databaseName, name);
        }
        TreeMap<String, TableDefinition> tableCopy = new TreeMap<>(tables);
        tableCopy.remove(name);
        TreeMap<String, Map<String, TableDefinition>> copy = new TreeMap<>(databases);
        copy.put(databaseName, Collections.unmodifiableMap(tableCopy));
        return new CatalogState(copy);
    }

    /**
     * Replaces the table whose id is {@code definition.tableId()} by {@code definition} (same database and
     * name); ER_NO_SUCH_TABLE if no table has that id any more.
     */
    public CatalogState withReplacedTable(TableDefinition definition) {
        TableDefinition current = tableById(definition.tableId()).orElseThrow(() -> StrataException.of(
                ErrorCode.ER_NO_SUCH_TABLE, "Table '%s.%s' doesn't exist", definition.database(), definition.name()));
        TreeMap<String, TableDefinition> tableCopy = new TreeMap<>(databases.get(current.database()));
        tableCopy.put(current.name(), definition.withNames(current.database(), current.name()));
        TreeMap<String, Map<String, TableDefinition>> copy = new TreeMap<>(databases);
        copy.put(current.database(), Collections.unmodifiableMap(tableCopy));
        return new CatalogState(copy);
    }
}
