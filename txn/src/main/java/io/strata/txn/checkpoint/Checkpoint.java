package io.strata.txn.checkpoint;

import io.strata.txn.catalog.CatalogState;

import java.util.Map;

/**
 * Everything needed to restart without the log up to {@code lsn}: the catalog, each table's objects,
 * and the counters. {@code commitTs} is the last commit it covers.
 */
public record Checkpoint(long lsn, long commitTs, CatalogState catalog, Map<Long, TableFiles> tables,
                         long nextRowId, long nextTableId, Map<Long, Long> autoIncrementNext) {
    public Checkpoint {
        tables = Map.copyOf(tables);
        autoIncrementNext = Map.copyOf(autoIncrementNext);
    }
}
