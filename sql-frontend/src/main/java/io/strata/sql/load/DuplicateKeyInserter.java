package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowValues;
import io.strata.sql.parser.ast.SqlLoadData;
import io.strata.txn.BatchReader;
import io.strata.txn.TableSnapshot;
import io.strata.txn.Transaction;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands LOAD DATA's batches to the transaction and deals with rows whose primary or UNIQUE key is taken:
 * the statement fails (1062), the row is skipped with a warning (IGNORE, and LOCAL by default), or the rows
 * holding its keys are deleted first (REPLACE). A batch goes in whole; only one the transaction refused for a
 * duplicate is halved until the rows at fault are alone, so a clean load pays nothing for this.
 */
final class DuplicateKeyInserter {
    /** A REPLACE row can collide with one holder per key; more rounds than keys means something else is wrong. */
    private final Transaction transaction;
    private final TableDefinition table;
    private final SqlLoadData.Duplicates mode;
    private final LoadConditions conditions;
    private long inserted;
    private long deleted;
    private long skipped;

    DuplicateKeyInserter(Transaction transaction, TableDefinition table, SqlLoadData.Duplicates mode,
                         LoadConditions conditions) {
        this.transaction = transaction;
        this.table = table;
        this.mode = mode;
        this.conditions = conditions;
    }

    long inserted() { return inserted; }

    long deleted() { return deleted; }

    long skipped() { return skipped; }

    void insert(VectorSchemaRoot batch) {
        if (batch.getRowCount() == 0) {
            return;
        }
        try {
            transaction.insert(table.tableId(), batch);
            inserted += batch.getRowCount();
        } catch (StrataException e) {
            if (e.code() != ErrorCode.ER_DUP_ENTRY || mode == SqlLoadData.Duplicates.ERROR) {
                throw e;
            }
            insertHalves(batch, 0, batch.getRowCount());
        }
    }

    /** Rows [from, from + count) of {@code batch}, known to hold a duplicate: halved down to single rows. */
    private void insertHalves(VectorSchemaRoot batch, int from, int count) {
        if (count == 1) {
            try (VectorSchemaRoot row = batch.slice(from, 1)) {
                insertDuplicate(row);
            }
            return;
        }
        int half = count / 2;
        insertPart(batch, from, half);
        insertPart(batch, from + half, count - half);
    }

    private void insertPart(VectorSchemaRoot batch, int from, int count) {
        try (VectorSchemaRoot part = batch.slice(from, count)) {
            transaction.insert(table.tableId(), part);
            inserted += count;
        } catch (StrataException e) {
            if (e.code() != ErrorCode.ER_DUP_ENTRY) {
                throw e;
            }
            insertHalves(batch, from, count);
        }
    }

    /** One row whose key is taken. */
    private void insertDuplicate(VectorSchemaRoot row) {
        int maxRounds = 1 + table.uniqueIndexes().size() + (table.primaryKey().isEmpty() ? 0 : 1);
        for (int round = 0; round <= maxRounds; round++) {
            try {
                transaction.insert(table.tableId(), row);
                inserted++;
                return;
            } catch (StrataException e) {
                if (e.code() != ErrorCode.ER_DUP_ENTRY) {
                    throw e;
                }
                if (mode == SqlLoadData.Duplicates.IGNORE) {
                    skipped++;
                    conditions.warn(e);
                    return;
                }
                long[] holders = holders(row);
                if (holders.length == 0) {
                    throw e; // taken by a row this transaction cannot see to delete
                }
                transaction.delete(table.tableId(), holders);
                deleted += holders.length;
            }
        }
        throw new IllegalStateException("REPLACE found its row's keys taken after deleting their holders");
    }

    /** The ids of the rows holding {@code row}'s primary key or any of its UNIQUE keys. */
    private long[] holders(VectorSchemaRoot row) {
        TableSnapshot snapshot = transaction.table(table.database(), table.name());
        List<Long> ids = new ArrayList<>();
        if (!table.primaryKey().isEmpty()) {
            collect(snapshot.lookup(new int[0], true, keyOf(row, table.primaryKey())), ids);
        }
        for (IndexDefinition index : table.uniqueIndexes()) {
            List<Object> key = keyOf(row, index.columns());
            if (!key.contains(null)) {
                collect(snapshot.lookupUnique(index.name(), new int[0], true, key), ids);
            }
        }
        return ids.stream().distinct().mapToLong(Long::longValue).toArray();
    }

    private static List<Object> keyOf(VectorSchemaRoot row, List<Integer> columns) {
        List<Object> key = new ArrayList<>(columns.size());
        for (int column : columns) {
            key.add(ArrowValues.get(row.getVector(column), 0));
        }
        return key;
    }

    private static void collect(BatchReader reader, List<Long> ids) {
        try (reader) {
            for (VectorSchemaRoot batch = reader.next(); batch != null; batch = reader.next()) {
                BigIntVector rowIds = (BigIntVector) batch.getVector(TableSnapshot.ROW_ID_COLUMN);
                for (int i = 0; i < batch.getRowCount(); i++) {
                    ids.add(rowIds.get(i));
                }
            }
        }
    }
}
