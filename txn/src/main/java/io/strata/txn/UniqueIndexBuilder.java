package io.strata.txn;

import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.ObjectBlocks;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableScan;
import io.strata.txn.mvcc.UniqueIndex;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Fills the UNIQUE indexes a new definition adds to a table from the table's live committed rows (a
 * scan at the latest state: under the commit lock, or during recovery). Two live rows with one key
 * make the index impossible: ER_DUP_ENTRY, as MySQL reports when CREATE UNIQUE INDEX meets duplicates.
 */
final class UniqueIndexBuilder {
    private UniqueIndexBuilder() {}

    /** The UNIQUE indexes of {@code next} that {@code table} does not have yet, filled; empty if none. */
    static List<UniqueIndex> buildAdded(TableData table, TableDefinition next, ObjectBlocks objects, BufferAllocator allocator) {
        List<IndexDefinition> added = next.uniqueIndexes().stream()
                .filter(index -> table.uniqueIndex(index) == null)
                .toList();
        return build(table, next, added, objects, allocator);
    }

    /** The UNIQUE indexes {@code added} (of {@code next}, the table's definition with them), filled from the table's live rows. */
    static List<UniqueIndex> build(TableData table, TableDefinition next, List<IndexDefinition> added,
                                   ObjectBlocks objects, BufferAllocator allocator) {
        if (added.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> needed = new TreeSet<>();
        added.forEach(index -> needed.addAll(index.columns()));
        int[] columns = needed.stream().mapToInt(Integer::intValue).toArray();
        List<IndexDefinition> projected = new ArrayList<>(added.size()); // column numbers within the scan's output
        for (IndexDefinition index : added) {
            List<Integer> positions = index.columns().stream().map(column -> needed.headSet(column).size()).toList();
            projected.add(new IndexDefinition(index.name(), positions, true));
        }
        List<UniqueIndex> built = added.stream().map(UniqueIndex::new).toList();
        try (TableScan scan = new TableScan(next, columns, true, Long.MAX_VALUE, table, null, objects, allocator)) {
            for (VectorSchemaRoot batch = scan.next(); batch != null; batch = scan.next()) {
                BigIntVector rowIds = (BigIntVector) batch.getVector(columns.length);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    for (int i = 0; i < built.size(); i++) {
                        PrimaryKey key = UniqueIndex.keyOf(projected.get(i), batch, row);
                        if (key == null) {
                            continue;
                        }
                        if (built.get(i).latestRow(key) != null) {
                            throw TransactionNode.duplicateKey(next, added.get(i).name(), key);
                        }
                        built.get(i).put(key, rowIds.get(row));
                    }
                }
            }
        }
        return built;
    }
}
