package io.strata.txn.mvcc;

import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One transaction's uncommitted writes to one table: inserted batches and deleted committed row ids. */
public final class TableWrites implements AutoCloseable {
    private final TableDefinition definition;
    private final List<WorkspaceBatch> batches = new ArrayList<>();
    private final Map<PrimaryKey, Long> insertedKeys = new HashMap<>();
    /** Per UNIQUE index (in the definition's order): key -> the live workspace row holding it. */
    private final List<Map<PrimaryKey, Long>> insertedUniqueKeys = new ArrayList<>();
    private final Set<Long> deletedCommitted = new LinkedHashSet<>();

    public TableWrites(TableDefinition definition) {
        this.definition = definition;
        definition.uniqueIndexes().forEach(index -> insertedUniqueKeys.add(new HashMap<>()));
    }

    /** The live workspace row holding {@code key} in the {@code uniqueIndex}-th UNIQUE index, or null. */
    public Long insertedUniqueRow(int uniqueIndex, PrimaryKey key) {
        return insertedUniqueKeys.get(uniqueIndex).get(key);
    }

    public TableDefinition definition() {
        return definition;
    }

    public List<WorkspaceBatch> batches() {
        return batches;
    }

    /** The workspace row holding {@code key}, or null. */
    public Long insertedKeyRow(PrimaryKey key) {
        return insertedKeys.get(key);
    }

    /**
     * Takes ownership of {@code rows}; {@code uniqueKeys} holds one list per UNIQUE index of the
     * definition (see {@link WorkspaceBatch}).
     */
    public void add(VectorSchemaRoot rows, long firstRowId, List<PrimaryKey> keys, List<List<PrimaryKey>> uniqueKeys) {
        if (uniqueKeys.size() != insertedUniqueKeys.size()) {
            throw new IllegalArgumentException(uniqueKeys.size() + " UNIQUE key lists for " + insertedUniqueKeys.size() + " indexes");
        }
        batches.add(new WorkspaceBatch(rows, firstRowId, keys, uniqueKeys, new BitSet()));
        for (int i = 0; i < keys.size(); i++) {
            insertedKeys.put(keys.get(i), firstRowId + i);
        }
        for (int row = 0; row < rows.getRowCount(); row++) {
            indexUnique(uniqueKeys, row, firstRowId + row);
        }
    }

    private void indexUnique(List<List<PrimaryKey>> uniqueKeys, int position, long rowId) {
        for (int index = 0; index < uniqueKeys.size(); index++) {
            PrimaryKey key = uniqueKeys.get(index).get(position);
            if (key != null) {
                insertedUniqueKeys.get(index).put(key, rowId);
            }
        }
    }

    private void unindexUnique(List<List<PrimaryKey>> uniqueKeys, int position, long rowId) {
        for (int index = 0; index < uniqueKeys.size(); index++) {
            PrimaryKey key = uniqueKeys.get(index).get(position);
            if (key != null) {
                insertedUniqueKeys.get(index).remove(key, rowId);
            }
        }
    }

    /** Deletes a row this transaction inserted; false if {@code rowId} is not one of them. */
    public boolean deleteOwn(long rowId) {
        for (WorkspaceBatch batch : batches) {
            if (batch.holds(rowId)) {
                int position = (int) (rowId - batch.firstRowId());
                if (!batch.deleted().get(position)) {
                    batch.deleted().set(position);
                    if (!batch.keys().isEmpty()) {
                        insertedKeys.remove(batch.keys().get(position));
                    }
                    unindexUnique(batch.uniqueKeys(), position, rowId);
                }
                return true;
            }
        }
        return false;
    }

    /** Records the delete of a committed row; false if it was already deleted by this transaction. */
    public boolean deleteCommitted(long rowId) {
        return deletedCommitted.add(rowId);
    }

    /** Undoes {@link #deleteCommitted} (rolling back to a savepoint). */
    public void undeleteCommitted(long rowId) {
        deletedCommitted.remove(rowId);
    }

    /** Undoes {@link #deleteOwn} of a row that was live before it (rolling back to a savepoint). */
    public void undeleteOwn(long rowId) {
        for (WorkspaceBatch batch : batches) {
            if (batch.holds(rowId)) {
                int position = (int) (rowId - batch.firstRowId());
                batch.deleted().clear(position);
                if (!batch.keys().isEmpty()) {
                    insertedKeys.put(batch.keys().get(position), rowId);
                }
                indexUnique(batch.uniqueKeys(), position, rowId);
                return;
            }
        }
    }

    /** Whether {@code rowId} is one of this transaction's inserted rows that is still live. */
    public boolean ownsLiveRow(long rowId) {
        for (WorkspaceBatch batch : batches) {
            if (batch.holds(rowId)) {
                return !batch.deleted().get((int) (rowId - batch.firstRowId()));
            }
        }
        return false;
    }

    /** Undoes the last {@link #add} (rolling back to a savepoint): its rows are freed. */
    public void removeLastBatch() {
        WorkspaceBatch last = batches.remove(batches.size() - 1);
        for (PrimaryKey key : last.keys()) {
            Long rowId = insertedKeys.get(key);
            if (rowId != null && last.holds(rowId)) {
                insertedKeys.remove(key);
            }
        }
        for (int row = 0; row < last.rows().getRowCount(); row++) {
            unindexUnique(last.uniqueKeys(), row, last.firstRowId() + row);
        }
        last.rows().close();
    }

    public boolean deletedCommitted(long rowId) {
        return deletedCommitted.contains(rowId);
    }

    public Set<Long> deletedCommittedRows() {
        return deletedCommitted;
    }

    public boolean isEmpty() {
        return deletedCommitted.isEmpty() && batches.stream().allMatch(batch -> batch.liveRowCount() == 0);
    }

    public long liveInsertedRows() {
        return batches.stream().mapToLong(WorkspaceBatch::liveRowCount).sum();
    }

    /**
     * Hands the live inserted rows over for commit (one {@link PreparedInsert} per batch that still has
     * rows); the workspace no longer owns them afterwards.
     */
    public List<PreparedInsert> prepareInserts(BufferAllocator allocator) {
        List<PreparedInsert> prepared = new ArrayList<>();
        try {
            for (WorkspaceBatch batch : batches) {
                prepared.addAll(prepareOne(batch, allocator));
            }
        } catch (RuntimeException e) {
            prepared.forEach(insert -> insert.rows().close());
            throw e;
        }
        batches.clear();
        insertedKeys.clear();
        insertedUniqueKeys.forEach(Map::clear);
        return prepared;
    }

    private List<PreparedInsert> prepareOne(WorkspaceBatch batch, BufferAllocator allocator) {
        int rowCount = batch.rows().getRowCount();
        int live = batch.liveRowCount();
        if (live == 0) {
            batch.rows().close();
            return List.of();
        }
        int[] positions = new int[live];
        long[] rowIds = new long[live];
        List<PrimaryKey> keys = new ArrayList<>(batch.keys().isEmpty() ? 0 : live);
        int next = 0;
        for (int i = 0; i < rowCount; i++) {
            if (!batch.deleted().get(i)) {
                positions[next] = i;
                rowIds[next] = batch.firstRowId() + i;
                if (!batch.keys().isEmpty()) {
                    keys.add(batch.keys().get(i));
                }
                next++;
            }
        }
        List<List<PrimaryKey>> uniqueKeys = new ArrayList<>(batch.uniqueKeys().size());
        for (List<PrimaryKey> indexKeys : batch.uniqueKeys()) {
            List<PrimaryKey> kept = new ArrayList<>(live);
            for (int position : positions) {
                kept.add(indexKeys.get(position));
            }
            uniqueKeys.add(kept);
        }
        if (live == rowCount) {
            return List.of(new PreparedInsert(definition.tableId(), rowIds, batch.rows(), keys, uniqueKeys));
        }
        List<FieldVector> sources = batch.rows().getFieldVectors();
        List<Field> fields = batch.rows().getSchema().getFields();
        VectorSchemaRoot copy = RowCopier.copy(sources, positions, live, fields, null, allocator);
        batch.rows().close();
        return List.of(new PreparedInsert(definition.tableId(), rowIds, copy, keys, uniqueKeys));
    }

    @Override
    public void close() {
        batches.forEach(batch -> batch.rows().close());
        batches.clear();
        insertedKeys.clear();
        insertedUniqueKeys.forEach(Map::clear);
        deletedCommitted.clear();
    }
}
