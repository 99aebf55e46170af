package io.strata.sql.catalog;

import io.strata.txn.Transaction;
import org.apache.calcite.jdbc.CalciteSchema;

/** Builds the Calcite schema tree of one transaction: a sub-schema per database plus information_schema. */
public final class CatalogSchemas {
    private CatalogSchemas() {}

    /**
     * @param rowIdDatabase with {@code rowIdTable}: the table whose row ids a DML statement needs, or null
     */
    public static CalciteSchema build(Transaction transaction, String rowIdDatabase, String rowIdTable) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        for (String database : transaction.catalog().databases()) {
            String rowIds = database.equalsIgnoreCase(rowIdDatabase) ? rowIdTable : null;
            root.add(database, new DatabaseSchema(transaction, database, rowIds));
        }
        root.add(InformationSchema.NAME, new InformationSchema(transaction.catalog()));
        return root;
    }
}
