package io.strata.sql.catalog;

import io.strata.txn.Transaction;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One database of the transaction's catalog. {@code rowIdTable} names the table (if any) that exposes
 * its row ids, for the scan of an UPDATE or DELETE.
 */
final class DatabaseSchema extends AbstractSchema {
    private final Transaction transaction;
    private final String database;
    private final String rowIdTable;
    private Map<String, Table> tables;

    DatabaseSchema(Transaction transaction, String database, String rowIdTable) {
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.database = Objects.requireNonNull(database, "database");
        this.rowIdTable = rowIdTable;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        if (tables == null) {
            Map<String, Table> map = new LinkedHashMap<>();
            for (TableDefinition table : transaction.catalog().tables(database)) {
                boolean withRowId = table.name().equalsIgnoreCase(rowIdTable);
                map.put(table.name(), new StrataTable(transaction, table, withRowId));
            }
            tables = map;
        }
        return tables;
    }
}
