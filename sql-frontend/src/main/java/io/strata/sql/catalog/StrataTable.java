package io.strata.sql.catalog;

import io.strata.common.type.DataType;
import io.strata.txn.TableSnapshot;
import io.strata.txn.Transaction;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.Objects;

/**
 * A user table as Calcite sees it: the columns of its definition, and, when {@code withRowId}, a
 * trailing BIGINT {@value TableSnapshot#ROW_ID_COLUMN} column that UPDATE and DELETE select.
 */
public final class StrataTable extends AbstractTable {
    private final Transaction transaction;
    private final TableDefinition definition;
    private final boolean withRowId;
    private TableSnapshot snapshot;
    /** Column statistics asked for so far: each merges every object's footer, so once per column. */
    private final java.util.Map<Integer, java.util.Optional<io.strata.txn.ColumnStatistics>> statistics =
            new java.util.HashMap<>();

    public StrataTable(Transaction transaction, TableDefinition definition, boolean withRowId) {
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.withRowId = withRowId;
    }

    public TableDefinition definition() {
        return definition;
    }

    public boolean withRowId() {
        return withRowId;
    }

    /** The transaction's view of the table, opened once. */
    public TableSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = transaction.table(definition.database(), definition.name());
        }
        return snapshot;
    }

    /** What the table's objects say about column {@code column} (see {@link TableSnapshot#columnStatistics}). */
    public java.util.Optional<io.strata.txn.ColumnStatistics> columnStatistics(int column) {
        return statistics.computeIfAbsent(column, c -> snapshot().columnStatistics(c));
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDefinition column : definition.columns()) {
            builder.add(column.name(), TypeMapping.toRelType(typeFactory, column.type(), column.nullable()));
        }
        if (withRowId) {
            builder.add(TableSnapshot.ROW_ID_COLUMN, TypeMapping.toRelType(typeFactory, DataType.BIGINT, false));
        }
        return builder.build();
    }

    /**
     * Row count, and the keys the optimizer may rely on: the primary key and every UNIQUE index over NOT
     * NULL columns (a UNIQUE index over a nullable column admits many NULLs, so it is no key).
     */
    @Override
    public Statistic getStatistic() {
        List<ImmutableBitSet> keys = new java.util.ArrayList<>();
        if (!definition.primaryKey().isEmpty()) {
            keys.add(ImmutableBitSet.of(definition.primaryKey()));
        }
        for (io.strata.txn.catalog.IndexDefinition index : definition.uniqueIndexes()) {
            if (index.columns().stream().noneMatch(column -> definition.columns().get(column).nullable())) {
                keys.add(ImmutableBitSet.of(index.columns()));
            }
        }
        return Statistics.of(snapshot().estimatedRowCount(), keys);
    }
}
