package io.strata.txn;

import io.strata.common.type.DataType;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.PointLookup;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableScan;
import io.strata.txn.mvcc.TableVersion;
import io.strata.txn.mvcc.TableWrites;
import io.strata.txn.mvcc.UniqueIndex;

import java.util.List;

/** A table as one {@link TnTransaction} sees it. */
final class TnTableSnapshot implements TableSnapshot {
    private final TnTransaction transaction;
    private final TableDefinition definition;

    TnTableSnapshot(TnTransaction transaction, TableDefinition definition) {
        this.transaction = transaction;
        this.definition = definition;
    }

    @Override
    public TableDefinition definition() {
        return definition;
    }

    @Override
    public BatchReader scan(int[] columns, boolean withRowId) {
        transaction.checkActive();
        checkColumns(columns);
        TransactionNode node = transaction.node();
        return counted(new TableScan(definition, columns, withRowId, transaction.snapshotTs(),
                node.tableData(definition.tableId()), transaction.writes(definition.tableId()),
                node.objectBlocks(), node.allocator()));
    }

    @Override
    public BatchReader scan(int[] columns, boolean withRowId, List<ColumnRange> ranges) {
        transaction.checkActive();
        checkColumns(columns);
        TransactionNode node = transaction.node();
        return counted(new TableScan(definition, columns, withRowId, transaction.snapshotTs(),
                node.tableData(definition.tableId()), transaction.writes(definition.tableId()),
                node.objectBlocks(), node.allocator(), ranges));
    }

    @Override
    public BatchReader scan(int[] columns, boolean withRowId, List<ColumnRange> ranges, int partition, int partitions) {
        transaction.checkActive();
        checkColumns(columns);
        TransactionNode node = transaction.node();
        return counted(new TableScan(definition, columns, withRowId, transaction.snapshotTs(),
                node.tableData(definition.tableId()), transaction.writes(definition.tableId()),
                node.objectBlocks(), node.allocator(), ranges).partition(partition, partitions));
    }

    /** The scan, adding what it read and skipped to the node's counters when it closes. */
    private BatchReader counted(TableScan scan) {
        ScanCounters counters = transaction.node().scanCounters();
        return new BatchReader() {
            private boolean counted;

            @Override
            public org.apache.arrow.vector.VectorSchemaRoot next() {
                return scan.next();
            }

            @Override
            public void close() {
                scan.close();
                if (!counted) {
                    counted = true;
                    counters.add(scan);
                }
            }
        };
    }

    @Override
    public BatchReader lookup(int[] columns, boolean withRowId, List<Object> key) {
        transaction.checkActive();
        checkColumns(columns);
        if (definition.primaryKey().isEmpty()) {
            throw new IllegalArgumentException("table " + definition.name() + " has no primary key");
        }
        if (key.stream().anyMatch(java.util.Objects::isNull)) {
            return new SingleBatchReader(null); // a key column is never NULL: `pk = NULL` matches nothing
        }
        PrimaryKey primaryKey = PrimaryKey.ofValues(keyTypes(definition.primaryKey()), key);
        return new SingleBatchReader(pointLookup(columns, withRowId).find(primaryKey));
    }

    @Override
    public BatchReader lookupUnique(String indexName, int[] columns, boolean withRowId, List<Object> key) {
        transaction.checkActive();
        checkColumns(columns);
        IndexDefinition index = definition.index(indexName).filter(IndexDefinition::unique).orElseThrow(
                () -> new IllegalArgumentException("table " + definition.name() + " has no UNIQUE index " + indexName));
        if (key.stream().anyMatch(java.util.Objects::isNull)) {
            return new SingleBatchReader(null); // `u = NULL` matches nothing
        }
        PrimaryKey uniqueKey = PrimaryKey.ofValues(keyTypes(index.columns()), key);
        TableData committed = transaction.node().tableData(definition.tableId());
        UniqueIndex state = committed == null ? null : committed.uniqueIndex(index);
        return new SingleBatchReader(pointLookup(columns, withRowId)
                .findUnique(index, definition.uniqueIndexes().indexOf(index), state, uniqueKey));
    }

    private List<DataType> keyTypes(List<Integer> keyColumns) {
        return keyColumns.stream().map(i -> definition.columns().get(i).type()).toList();
    }

    private PointLookup pointLookup(int[] columns, boolean withRowId) {
        TransactionNode node = transaction.node();
        return new PointLookup(definition, columns, withRowId, transaction.snapshotTs(),
                node.tableData(definition.tableId()), transaction.writes(definition.tableId()),
                node.objectBlocks(), node.rowIdCache(), node.allocator());
    }

    private void checkColumns(int[] columns) {
        for (int column : columns) {
            if (column < 0 || column >= definition.columns().size()) {
                throw new IllegalArgumentException("column index out of range: " + column);
            }
        }
    }

    @Override
    public java.util.Optional<ColumnStatistics> columnStatistics(int column) {
        TableData committed = transaction.node().tableData(definition.tableId());
        if (committed == null) {
            return java.util.Optional.empty();
        }
        return ObjectColumnStatistics.of(committed.version().objects(), definition.columns().get(column).name(),
                transaction.node().objectBlocks(), estimatedRowCount());
    }

    @Override
    public long estimatedRowCount() {
        long rows = 0;
        TableData committed = transaction.node().tableData(definition.tableId());
        if (committed != null) {
            TableVersion version = committed.version();
            rows += version.objects().stream().mapToLong(object -> object.rowCount()).sum();
            rows += version.logtail().stream().mapToLong(segment -> segment.rowCount()).sum();
            rows -= committed.tombstoneCount();
        }
        TableWrites own = transaction.writes(definition.tableId());
        if (own != null) {
            rows += own.liveInsertedRows() - own.deletedCommittedRows().size();
        }
        return Math.max(0, rows);
    }
}
