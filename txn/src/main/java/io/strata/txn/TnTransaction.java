package io.strata.txn;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.txn.catalog.CatalogSnapshot;
import io.strata.txn.catalog.CatalogState;
import io.strata.txn.catalog.DdlOp;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.HiddenColumns;
import io.strata.txn.mvcc.PointLookup;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableWrites;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A transaction of the {@link TransactionNode}: a snapshot, a catalog view, and a workspace. */
final class TnTransaction implements Transaction {
    /** How long an UPDATE or DELETE waits for a row another transaction holds (InnoDB's default lock wait). */
    static final long WRITE_LOCK_TIMEOUT_MILLIS = 50_000;
    private final TransactionNode node;
    private final long firstSnapshotTs;
    private volatile long snapshotTs; // moves forward under READ COMMITTED
    private final List<DdlOp> ddl = new ArrayList<>();
    private final Map<Long, TableWrites> writes = new LinkedHashMap<>();
    private final Map<Long, Long> autoIncrementUsed = new HashMap<>();
    /** How to undo each insert and delete, newest last: what {@link #rollbackToSavepoint} runs. */
    private final List<Runnable> undo = new ArrayList<>();
    private CatalogState catalog;
    private boolean active = true;
    private boolean waitingAllowed = true;

    TnTransaction(TransactionNode node, long snapshotTs, CatalogState catalog) {
        this.node = node;
        this.snapshotTs = snapshotTs;
        this.firstSnapshotTs = snapshotTs;
        this.catalog = catalog;
    }

    /**
     * The snapshot the transaction began with: a row it deleted that another transaction deleted after
     * this is a write-write conflict (it saw the row at a snapshot no earlier than this one).
     */
    long firstSnapshotTs() {
        return firstSnapshotTs;
    }

    @Override
    public void refreshSnapshot() {
        checkActive();
        Map.Entry<Long, CatalogState> latest = node.latestSnapshot();
        if (latest.getKey() > snapshotTs) {
            if (ddl.isEmpty()) {
                catalog = latest.getValue(); // with its own DDL, a transaction keeps the catalog it changed
            }
            snapshotTs = latest.getKey();
        }
    }

    @Override
    public void lockRows(long tableId, long[] rowIds, boolean exclusive, long timeoutMillis) {
        checkActive();
        tableById(tableId);
        lockCommittedRows(tableId, rowIds, exclusive, timeoutMillis);
    }

    /**
     * Locks rows for this transaction, then refuses (1213) any that another transaction deleted or
     * replaced after this one's snapshot: the version this transaction read is gone.
     */
    private void lockCommittedRows(long tableId, long[] rowIds, boolean exclusive, long timeoutMillis) {
        if (rowIds.length == 0) {
            return;
        }
        if (waitingAllowed || timeoutMillis == 0) { // NOWAIT fails at once rather than waiting
            node.rowLocks().lock(this, tableId, rowIds, exclusive, timeoutMillis);
        } else if (!node.rowLocks().tryLock(this, tableId, rowIds, exclusive)) {
            throw new io.strata.common.error.WouldWaitException("a row lock another transaction holds");
        }
        TableData committed = node.tableData(tableId);
        for (long rowId : rowIds) {
            long deletedAt = committed == null ? TableData.NOT_DELETED : committed.tombstone(rowId);
            if (deletedAt != TableData.NOT_DELETED && deletedAt > snapshotTs) {
                throw new StrataException(ErrorCode.ER_LOCK_DEADLOCK,
                        "Deadlock found when trying to get lock; try restarting transaction");
            }
        }
    }

    @Override
    public void cancelLockWait() {
        node.rowLocks().cancelWait(this);
    }

    @Override
    public void allowWaiting(boolean allowed) {
        waitingAllowed = allowed;
    }

    TransactionNode node() {
        return node;
    }

    List<DdlOp> ddl() {
        return ddl;
    }

    Map<Long, TableWrites> allWrites() {
        return writes;
    }

    Map<Long, Long> autoIncrementUsed() {
        return autoIncrementUsed;
    }

    /** The catalog with this transaction's own DDL, without the activity check. */
    CatalogState catalogView() {
        return catalog;
    }

    TableWrites writes(long tableId) {
        return writes.get(tableId);
    }

    boolean isReadOnly() {
        return ddl.isEmpty() && autoIncrementUsed.isEmpty() && writes.values().stream().allMatch(TableWrites::isEmpty);
    }

    @Override
    public long snapshotTs() {
        return snapshotTs;
    }

    @Override
    public CatalogSnapshot catalog() {
        checkActive();
        return catalog;
    }

    @Override
    public void createDatabase(String database, boolean ifNotExists) {
        checkActive();
        if (ifNotExists && catalog.databaseExists(database)) {
            return;
        }
        applyDdl(new DdlOp.CreateDatabase(CatalogState.normalize(database)));
    }

    @Override
    public void dropDatabase(String database, boolean ifExists) {
        checkActive();
        if (ifExists && !catalog.databaseExists(database)) {
            return;
        }
        List<TableDefinition> tables = catalog.tables(database);
        applyDdl(new DdlOp.DropDatabase(CatalogState.normalize(database)));
        tables.forEach(table -> discardWrites(table.tableId()));
    }

    @Override
    public TableDefinition createTable(TableDefinition definition, boolean ifNotExists) {
        checkActive();
        Objects.requireNonNull(definition, "definition");
        if (!catalog.databaseExists(definition.database())) {
            throw StrataException.of(ErrorCode.ER_BAD_DB_ERROR, "Unknown database '%s'",
                    CatalogState.normalize(definition.database()));
        }
        var existing = catalog.table(definition.database(), definition.name());
        if (existing.isPresent()) {
            if (ifNotExists) {
                return existing.get();
            }
            throw StrataException.of(ErrorCode.ER_TABLE_EXISTS_ERROR, "Table '%s' already exists",
                    CatalogState.normalize(definition.name()));
        }
        TableDefinition assigned = definition.withTableId(node.allocateTableId())
                .withNames(CatalogState.normalize(definition.database()), CatalogState.normalize(definition.name()));
        applyDdl(new DdlOp.CreateTable(assigned));
        return assigned;
    }

    @Override
    public void dropTable(String database, String table, boolean ifExists) {
        checkActive();
        var existing = catalog.table(database, table);
        if (existing.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw StrataException.of(ErrorCode.ER_BAD_TABLE_ERROR, "Unknown table '%s.%s'",
                    CatalogState.normalize(database), CatalogState.normalize(table));
        }
        applyDdl(new DdlOp.DropTable(existing.get().database(), existing.get().name()));
        discardWrites(existing.get().tableId());
    }

    @Override
    public void createIndex(String database, String table, IndexDefinition index) {
        checkActive();
        TableDefinition definition = existingTable(database, table);
        for (int column : index.columns()) {
            if (column < 0 || column >= definition.columns().size()) {
                throw StrataException.of(ErrorCode.ER_KEY_COLUMN_DOES_NOT_EXIST,
                        "Key column number %d doesn't exist in table", column);
            }
        }
        applyDdl(new DdlOp.CreateIndex(definition.tableId(), index));
    }

    @Override
    public void dropIndex(String database, String table, String indexName) {
        checkActive();
        applyDdl(new DdlOp.DropIndex(existingTable(database, table).tableId(), indexName));
    }

    private TableDefinition existingTable(String database, String table) {
        return catalog.table(database, table).orElseThrow(() -> StrataException.of(
                ErrorCode.ER_NO_SUCH_TABLE, "Table '%s.%s' doesn't exist", CatalogState.normalize(database),
                CatalogState.normalize(table)));
    }

    @Override
    public TableSnapshot table(String database, String table) {
        checkActive();
        return new TnTableSnapshot(this, existingTable(database, table));
    }

    @Override
    public void insert(long tableId, VectorSchemaRoot rows) {
        checkActive();
        Objects.requireNonNull(rows, "rows");
        TableDefinition definition = tableById(tableId);
        checkShape(definition, rows);
        checkNotNull(definition, rows);
        if (rows.getRowCount() == 0) {
            return;
        }
        // The workspace keeps its own copy, labelled with the table's fields (the caller's names may differ).
        int count = rows.getRowCount();
        VectorSchemaRoot copy = io.strata.txn.mvcc.RowCopier.copy(rows.getFieldVectors(),
                java.util.stream.IntStream.range(0, count).toArray(), count, HiddenColumns.tableFields(definition),
                null, node.allocator());
        try {
            TableWrites tableWrites = writes.computeIfAbsent(tableId, id -> new TableWrites(definition));
            InsertKeyChecks.Keys keys = new InsertKeyChecks(this, tableWrites.definition(), node.tableData(tableId), tableWrites).check(copy);
            long firstRowId = node.allocateRowIds(copy.getRowCount());
            tableWrites.add(copy, firstRowId, keys.primaryKeys(), keys.uniqueKeys());
            undo.add(tableWrites::removeLastBatch);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    @Override
    public void delete(long tableId, long[] rowIds) {
        checkActive();
        TableDefinition definition = tableById(tableId);
        TableWrites tableWrites = writes.computeIfAbsent(tableId, id -> new TableWrites(definition));
        // Rows of other transactions are locked first (a writer waits for FOR UPDATE and for other
        // writers), so a lock timeout leaves the workspace untouched.
        lockCommittedRows(tableId, java.util.Arrays.stream(rowIds).filter(rowId -> !tableWrites.ownsLiveRow(rowId)).toArray(),
                true, WRITE_LOCK_TIMEOUT_MILLIS);
        List<Long> ownDeleted = new ArrayList<>();
        List<Long> committedDeleted = new ArrayList<>();
        for (long rowId : rowIds) {
            if (tableWrites.ownsLiveRow(rowId)) {
                tableWrites.deleteOwn(rowId);
                ownDeleted.add(rowId);
            } else if (!tableWrites.deleteOwn(rowId) && tableWrites.deleteCommitted(rowId)) {
                committedDeleted.add(rowId);
            }
        }
        undo.add(() -> {
            ownDeleted.forEach(tableWrites::undeleteOwn);
            committedDeleted.forEach(tableWrites::undeleteCommitted);
        });
    }

    @Override
    public long savepoint() {
        checkActive();
        return undo.size();
    }

    @Override
    public void rollbackToSavepoint(long savepoint) {
        checkActive();
        if (savepoint < 0) {
            throw new IllegalArgumentException("unknown savepoint " + savepoint);
        }
        // A savepoint beyond the undo log predates a DDL statement that reset it: nothing is left to undo.
        while (undo.size() > savepoint) {
            undo.remove(undo.size() - 1).run();
        }
    }

    @Override
    public long allocateAutoIncrement(long tableId, int count) {
        checkActive();
        tableById(tableId);
        if (!waitingAllowed && node.autoIncrement().wouldReserve(tableId, count)) {
            throw new io.strata.common.error.WouldWaitException("an AUTO_INCREMENT reservation in the log");
        }
        return node.autoIncrement().allocate(tableId, count);
    }

    @Override
    public void observeAutoIncrement(long tableId, long usedValue) {
        checkActive();
        tableById(tableId);
        node.autoIncrement().observe(tableId, usedValue);
        autoIncrementUsed.merge(tableId, usedValue, Math::max);
    }

    @Override
    public long commit() {
        checkActive();
        if (!waitingAllowed && !isReadOnly()) {
            throw new io.strata.common.error.WouldWaitException("a commit's log write");
        }
        try {
            return node.commit(this);
        } finally {
            finish();
        }
    }

    @Override
    public java.util.concurrent.CompletableFuture<Long> commitWithoutWaiting() {
        checkActive();
        if (isReadOnly()) {
            return java.util.concurrent.CompletableFuture.completedFuture(commit());
        }
        if (!ddl.isEmpty() || node.commitWouldFlush()) {
            throw new io.strata.common.error.WouldWaitException(ddl.isEmpty() ? "a flush that fell behind" : "a DDL commit");
        }
        java.util.concurrent.CompletableFuture<Long> durable;
        try {
            durable = node.commitWithoutWaiting(this);
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
        active = false;
        // Row locks stay held until the commit is visible, as with commit(): a waiter then reads it.
        return durable.whenComplete((commitTs, error) -> finish());
    }

    @Override
    public void rollback() {
        if (active) {
            finish();
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        rollback();
    }

    void checkActive() {
        if (!active) {
            throw new StrataException(ErrorCode.ER_UNKNOWN_ERROR, "the transaction is no longer active");
        }
    }

    private void finish() {
        active = false;
        node.rowLocks().releaseAll(this);
        undo.clear();
        writes.values().forEach(TableWrites::close);
        writes.clear();
        node.finished(this);
    }

    private void applyDdl(DdlOp op) {
        catalog = op.apply(catalog);
        ddl.add(op);
    }

    private void discardWrites(long tableId) {
        undo.clear(); // undo entries may point at the discarded writes; savepoints do not span DDL
        TableWrites discarded = writes.remove(tableId);
        if (discarded != null) {
            discarded.close();
        }
    }

    private TableDefinition tableById(long tableId) {
        return catalog.tableById(tableId).orElseThrow(() -> StrataException.of(
                ErrorCode.ER_NO_SUCH_TABLE, "Table with id %d doesn't exist", tableId));
    }

    private static void checkShape(TableDefinition definition, VectorSchemaRoot rows) {
        List<FieldVector> vectors = rows.getFieldVectors();
        if (vectors.size() != definition.columns().size()) {
            throw new IllegalArgumentException("insert into " + definition.name() + " has " + vectors.size()
                    + " columns, the table has " + definition.columns().size());
        }
        for (int i = 0; i < vectors.size(); i++) {
            ArrowType expected = io.strata.common.type.ArrowTypes.arrowType(definition.columns().get(i).type());
            if (!vectors.get(i).getField().getType().equals(expected)) {
                throw new IllegalArgumentException("column " + definition.columns().get(i).name() + " is "
                        + vectors.get(i).getField().getType() + ", the table stores " + expected);
            }
        }
    }

    private static void checkNotNull(TableDefinition definition, VectorSchemaRoot rows) {
        for (int i = 0; i < definition.columns().size(); i++) {
            boolean required = !definition.columns().get(i).nullable() || definition.primaryKey().contains(i);
            if (required && rows.getVector(i).getNullCount() > 0) {
                throw StrataException.of(ErrorCode.ER_BAD_NULL_ERROR, "Column '%s' cannot be null",
                        definition.columns().get(i).name());
            }
        }
    }
}
