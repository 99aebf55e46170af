package io.strata.txn;

import io.strata.storage.ObjectStore;
import io.strata.storage.format.ArrowIpc;
import io.strata.storage.format.DataObjectReader;
import io.strata.txn.catalog.CatalogState;
import io.strata.txn.catalog.DdlOp;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.Checkpoint;
import io.strata.txn.checkpoint.HiddenColumns;
import io.strata.txn.checkpoint.TableFiles;
import io.strata.txn.commit.LogEntry;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.PreparedInsert;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableVersion;
import io.strata.txn.mvcc.UniqueIndex;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the node's memory on start: the checkpoint's catalog and object lists, all tombstones, the
 * primary key and UNIQUE indexes from the objects, then every logged commit after the checkpoint.
 */
final class Recovery {
    private final TransactionNode node;
    private final ObjectStore store;

    Recovery(TransactionNode node, ObjectStore store) {
        this.node = node;
        this.store = store;
    }

    void loadCheckpoint(Checkpoint checkpoint) {
        Map<Long, TableData> restored = new HashMap<>();
        for (TableDefinition definition : checkpoint.catalog().allTables()) {
            TableData table = new TableData(definition);
            TableFiles files = checkpoint.tables().getOrDefault(definition.tableId(), TableFiles.EMPTY);
            table.replaceVersion(new TableVersion(files.dataObjects(), files.tombstoneObjects(), List.of()));
            files.tombstoneObjects().forEach(key -> loadTombstones(table, key));
            if (table.hasPrimaryKey()) {
                Map<PrimaryKey, Long> indexedTs = new HashMap<>();
                files.dataObjects().forEach(object -> indexKeys(table, object, indexedTs));
            }
            if (!definition.uniqueIndexes().isEmpty()) {
                table.redefine(definition, UniqueIndexBuilder.build(table, definition, definition.uniqueIndexes(),
                        node.objectBlocks(), node.allocator()));
            }
            restored.put(definition.tableId(), table);
        }
        node.restoreCheckpoint(checkpoint, restored);
    }

    void replay(LogEntry entry) {
        switch (entry) {
            case LogEntry.AutoIncrementReservation reservation ->
                    node.autoIncrement().recoverReservation(reservation.tableId(), reservation.reservedUpTo());
            case LogEntry.Commit commit -> replayCommit(commit);
        }
    }

    private void replayCommit(LogEntry.Commit commit) {
        long maxTableId = 0;
        CatalogState catalog = null;
        if (!commit.ddl().isEmpty()) {
            catalog = node.latestCatalog();
            for (DdlOp op : commit.ddl()) {
                catalog = op.apply(catalog);
                if (op instanceof DdlOp.CreateTable create) {
                    maxTableId = Math.max(maxTableId, create.definition().tableId());
                }
            }
            node.applyCatalog(commit.commitTs(), catalog, node.buildAddedUniqueIndexes(catalog));
        }
        long maxRowId = 0;
        List<PreparedInsert> inserts = new ArrayList<>(commit.inserts().size());
        try {
            for (LogEntry.TableInsert insert : commit.inserts()) {
                TableData table = node.tableData(insert.tableId());
                VectorSchemaRoot rows = ArrowIpc.read(insert.arrowIpc(), HiddenColumns.tableFields(table.definition()),
                        node.allocator());
                inserts.add(new PreparedInsert(insert.tableId(), insert.rowIds(), rows, keysOf(table, rows),
                        UniqueIndex.keysOf(table.definition().uniqueIndexes(), rows)));
                for (long rowId : insert.rowIds()) {
                    maxRowId = Math.max(maxRowId, rowId);
                }
            }
        } catch (RuntimeException e) {
            inserts.forEach(insert -> insert.rows().close());
            throw e;
        }
        // The catalog was applied above; apply() must not apply it again.
        node.apply(commit.commitTs(), inserts, commit.deletes(), commit.autoIncrementUsed());
        node.observeReplayed(commit.commitTs(), maxRowId, maxTableId);
    }

    private static List<PrimaryKey> keysOf(TableData table, VectorSchemaRoot rows) {
        if (!table.hasPrimaryKey()) {
            return List.of();
        }
        List<FieldVector> keyVectors = table.definition().primaryKey().stream().map(rows::getVector).toList();
        List<PrimaryKey> keys = new ArrayList<>(rows.getRowCount());
        for (int row = 0; row < rows.getRowCount(); row++) {
            keys.add(PrimaryKey.of(keyVectors, row));
        }
        return keys;
    }

    private void loadTombstones(TableData table, String key) {
        DataObjectReader reader = node.objectReader(key);
        for (int block = 0; block < reader.footer().blocks().size(); block++) {
            try (VectorSchemaRoot rows = reader.readBlock(block, new int[] {0, 1}, node.allocator())) {
                BigIntVector rowIds = (BigIntVector) rows.getVector(0);
                BigIntVector commitTs = (BigIntVector) rows.getVector(1);
                for (int i = 0; i < rows.getRowCount(); i++) {
                    table.addTombstone(rowIds.get(i), commitTs.get(i), true);
                }
            }
        }
    }

    /**
     * Indexes each key at its latest row: the one with the highest commit ts (merges do not keep rows in
     * commit order across objects). {@code indexedTs} holds the commit ts of each key's indexed row.
     */
    private void indexKeys(TableData table, DataObjectRef object, Map<PrimaryKey, Long> indexedTs) {
        DataObjectReader reader = node.objectReader(object.key());
        List<Integer> primaryKey = table.definition().primaryKey();
        int[] columns = new int[primaryKey.size() + 2];
        for (int i = 0; i < primaryKey.size(); i++) {
            columns[i] = primaryKey.get(i);
        }
        columns[primaryKey.size()] = table.definition().columns().size(); // the row id follows the table's columns
        columns[primaryKey.size() + 1] = table.definition().columns().size() + 1; // then the commit ts
        for (int block = 0; block < reader.footer().blocks().size(); block++) {
            try (VectorSchemaRoot rows = reader.readBlock(block, columns, node.allocator())) {
                List<FieldVector> keyVectors = rows.getFieldVectors().subList(0, primaryKey.size());
                BigIntVector rowIds = (BigIntVector) rows.getVector(primaryKey.size());
                BigIntVector commitTs = (BigIntVector) rows.getVector(primaryKey.size() + 1);
                for (int i = 0; i < rows.getRowCount(); i++) {
                    PrimaryKey key = PrimaryKey.of(keyVectors, i);
                    Long previous = indexedTs.get(key);
                    if (previous == null || previous <= commitTs.get(i)) {
                        indexedTs.put(key, commitTs.get(i));
                        table.indexKey(key, rowIds.get(i));
                    }
                }
            }
        }
    }
}
