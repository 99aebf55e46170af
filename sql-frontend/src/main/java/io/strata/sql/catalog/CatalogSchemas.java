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
        return build(transaction, rowIdDatabase, rowIdTable, java.util.Map.of());
    }

    /** The schema name under which {@code statementTables} are visible. */
    public static final String STATEMENT_SCHEMA = "strata_statement";

    /** Like {@link #build(Transaction, String, String)}, plus one statement's in-memory tables in {@link #STATEMENT_SCHEMA}. */
    public static CalciteSchema build(Transaction transaction, String rowIdDatabase, String rowIdTable,
                                      java.util.Map<String, org.apache.calcite.schema.Table> statementTables) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        if (!statementTables.isEmpty()) {
            org.apache.calcite.schema.SchemaPlus statement = root.plus().add(STATEMENT_SCHEMA,
                    new org.apache.calcite.schema.impl.AbstractSchema());
            statementTables.forEach(statement::add);
        }
        for (String database : transaction.catalog().databases()) {
            String rowIds = database.equalsIgnoreCase(rowIdDatabase) ? rowIdTable : null;
            root.add(database, new DatabaseSchema(transaction, database, rowIds));
        }
        root.add(InformationSchema.NAME, new InformationSchema(transaction.catalog()));
        return root;
    }
}
