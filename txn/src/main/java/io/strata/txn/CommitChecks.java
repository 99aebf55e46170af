package io.strata.txn;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.txn.catalog.CatalogState;
import io.strata.txn.commit.LogEntry;
import io.strata.txn.mvcc.PreparedInsert;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableWrites;
import io.strata.txn.mvcc.UniqueIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a commit passes under the commit lock, against the latest committed state (first committer
 * wins): deleted rows not deleted since the snapshot, inserted keys not live, written tables not dropped.
 */
final class CommitChecks {
    private CommitChecks() {}

    /**
     * Writes to a table that a concurrent commit dropped conflict (the client retries); writes to a table
     * this transaction dropped itself are simply discarded.
     */
    static void checkTablesStillExist(TnTransaction transaction, Set<Long> writtenTables, CatalogState catalog) {
        for (long tableId : writtenTables) {
            boolean ownView = transaction.catalogView().tableById(tableId).isPresent();
            if (ownView && catalog.tableById(tableId).isEmpty()) {
                throw new StrataException(ErrorCode.ER_LOCK_DEADLOCK,
                        "Deadlock found when trying to get lock; try restarting transaction");
            }
        }
    }

    /**
     * Writes prepared for a table whose indexes changed since (a concurrent CREATE or DROP INDEX) carry
     * keys for the old indexes: a conflict the client retries.
     */
    static void checkDefinitionsUnchanged(TnTransaction transaction, Set<Long> writtenTables, CatalogState catalog) {
        for (long tableId : writtenTables) {
            TableWrites writes = transaction.writes(tableId);
            var now = catalog.tableById(tableId);
            if (writes != null && now.isPresent() && !now.get().equals(writes.definition())) {
                throw new StrataException(ErrorCode.ER_LOCK_DEADLOCK,
                        "Deadlock found when trying to get lock; try restarting transaction");
            }
        }
    }

    static List<LogEntry.TableDelete> checkDeletes(TnTransaction transaction, CatalogState catalog,
                                                  Map<Long, TableData> tables) {
        List<LogEntry.TableDelete> deletes = new ArrayList<>();
        for (TableWrites writes : transaction.allWrites().values()) {
            long tableId = writes.definition().tableId();
            TableData committed = tables.get(tableId);
            if (writes.deletedCommittedRows().isEmpty() || committed == null || catalog.tableById(tableId).isEmpty()) {
                continue;
            }
            long[] rowIds = new long[writes.deletedCommittedRows().size()];
            int count = 0;
            for (long rowId : writes.deletedCommittedRows()) {
                long deletedAt = committed.tombstone(rowId);
                if (deletedAt == TableData.NOT_DELETED) {
                    rowIds[count++] = rowId;
                } else if (deletedAt > transaction.firstSnapshotTs()) {
                    throw new StrataException(ErrorCode.ER_LOCK_DEADLOCK,
                            "Deadlock found when trying to get lock; try restarting transaction");
                }
                // else: deleted before our snapshot, so never visible to us: ignored as the contract says
            }
            if (count > 0) {
                deletes.add(new LogEntry.TableDelete(tableId, java.util.Arrays.copyOf(rowIds, count)));
            }
        }
        return deletes;
    }

    /** Drops inserts into tables the commit's own DDL removed; their rows can never be read. */
    static List<PreparedInsert> keepLiveTables(List<PreparedInsert> inserts, CatalogState catalog) {
        List<PreparedInsert> kept = new ArrayList<>(inserts.size());
        for (PreparedInsert insert : inserts) {
            if (catalog.tableById(insert.tableId()).isPresent()) {
                kept.add(insert);
            }
        }
        return kept;
    }

    /**
     * First committer wins: a primary or UNIQUE key this commit inserts must not be held by a live row
     * now, unless this commit deletes that row.
     */
    static void checkInsertConflicts(TnTransaction transaction, List<PreparedInsert> inserts, Map<Long, TableData> tables) {
        for (PreparedInsert insert : inserts) {
            TableData committed = tables.get(insert.tableId());
            if (committed == null) {
                continue;
            }
            TableWrites writes = transaction.writes(insert.tableId());
            for (PrimaryKey key : insert.keys()) {
                if (heldByOther(committed.liveRow(key), writes)) {
                    throw TransactionNode.duplicateKey(committed.definition(), key);
                }
            }
            List<UniqueIndex> uniqueIndexes = committed.uniqueIndexes();
            for (int index = 0; index < insert.uniqueKeys().size(); index++) {
                UniqueIndex unique = uniqueIndexes.get(index);
                for (PrimaryKey key : insert.uniqueKeys().get(index)) {
                    if (key != null && heldByOther(committed.uniqueLiveRow(unique, key), writes)) {
                        throw TransactionNode.duplicateKey(committed.definition(), unique.definition().name(), key);
                    }
                }
            }
        }
    }

    private static boolean heldByOther(long liveRow, TableWrites writes) {
        return liveRow >= 0 && (writes == null || !writes.deletedCommitted(liveRow));
    }
}
