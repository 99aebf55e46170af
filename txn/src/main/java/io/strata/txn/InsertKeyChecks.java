package io.strata.txn;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.PointLookup;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableWrites;
import io.strata.txn.mvcc.UniqueIndex;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statement-time checks of an INSERT into a transaction's workspace: no primary key or UNIQUE key
 * of the new rows may be held by another new row, by a live row of the workspace, or by a live
 * committed row the transaction has not deleted. A committed holder that the transaction's snapshot
 * cannot see was written concurrently: a write-write conflict (1213, the client retries) rather than
 * a duplicate. The commit checks the committed side again under the commit lock ({@link CommitChecks}).
 */
final class InsertKeyChecks {
    /** The keys of checked rows: primary keys (empty without one) and keys per UNIQUE index. */
    record Keys(List<PrimaryKey> primaryKeys, List<List<PrimaryKey>> uniqueKeys) {}

    private final TnTransaction transaction;
    private final TableDefinition definition;
    private final TableData committed; // null before the table's first commit
    private final TableWrites workspace;

    InsertKeyChecks(TnTransaction transaction, TableDefinition definition, TableData committed, TableWrites workspace) {
        this.transaction = transaction;
        this.definition = definition;
        this.committed = committed;
        this.workspace = workspace;
    }

    Keys check(VectorSchemaRoot rows) {
        List<PrimaryKey> primaryKeys = checkPrimaryKeys(rows);
        List<IndexDefinition> uniqueIndexes = definition.uniqueIndexes();
        List<List<PrimaryKey>> uniqueKeys = UniqueIndex.keysOf(uniqueIndexes, rows);
        for (int index = 0; index < uniqueIndexes.size(); index++) {
            checkUniqueKeys(index, uniqueIndexes.get(index), uniqueKeys.get(index));
        }
        return new Keys(primaryKeys, uniqueKeys);
    }

    private List<PrimaryKey> checkPrimaryKeys(VectorSchemaRoot rows) {
        if (definition.primaryKey().isEmpty()) {
            return List.of();
        }
        List<FieldVector> keyVectors = definition.primaryKey().stream().map(rows::getVector).toList();
        List<PrimaryKey> keys = new ArrayList<>(rows.getRowCount());
        Set<PrimaryKey> inBatch = new HashSet<>();
        for (int row = 0; row < rows.getRowCount(); row++) {
            PrimaryKey key = PrimaryKey.of(keyVectors, row);
            boolean duplicate = !inBatch.add(key) || workspace.insertedKeyRow(key) != null
                    || (committed != null && heldByCommittedRow(committed.liveRow(key), key));
            if (duplicate) {
                throw TransactionNode.duplicateKey(definition, key);
            }
            keys.add(key);
        }
        return keys;
    }

    private void checkUniqueKeys(int position, IndexDefinition index, List<PrimaryKey> keys) {
        // null if the committed definition lacks it: the commit then finds the indexes changed (1213)
        UniqueIndex committedIndex = committed == null ? null : committed.uniqueIndex(index);
        Set<PrimaryKey> inBatch = new HashSet<>();
        for (PrimaryKey key : keys) {
            if (key == null) {
                continue; // a NULL part: never a duplicate
            }
            boolean duplicate = !inBatch.add(key) || workspace.insertedUniqueRow(position, key) != null
                    || (committedIndex != null && heldByCommittedRow(committed.uniqueLiveRow(committedIndex, key), null));
            if (duplicate) {
                throw TransactionNode.duplicateKey(definition, index.name(), key);
            }
        }
    }

    /** Whether the live committed row {@code rowId} (-1: none) holds a key for this transaction. */
    private boolean heldByCommittedRow(long rowId, PrimaryKey primaryKey) {
        if (rowId < 0 || workspace.deletedCommitted(rowId)) {
            return false;
        }
        PointLookup lookup = new PointLookup(definition, new int[0], false, transaction.snapshotTs(), committed, workspace,
                transaction.node().objectBlocks(), transaction.node().rowIdCache(), transaction.node().allocator());
        if (!lookup.committedRowVisible(rowId, primaryKey)) {
            // Written by a transaction that committed after our snapshot: a write-write conflict under
            // snapshot isolation (first committer wins), which the client retries.
            throw new StrataException(ErrorCode.ER_LOCK_DEADLOCK,
                    "Deadlock found when trying to get lock; try restarting transaction");
        }
        return true;
    }
}
