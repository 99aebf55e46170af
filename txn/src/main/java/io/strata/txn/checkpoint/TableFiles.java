package io.strata.txn.checkpoint;

import io.strata.txn.mvcc.DataObjectRef;

import java.util.List;

/** The objects a checkpoint lists for one table: data objects and tombstone objects, oldest first. */
public record TableFiles(List<DataObjectRef> dataObjects, List<String> tombstoneObjects) {
    public static final TableFiles EMPTY = new TableFiles(List.of(), List.of());

    public TableFiles {
        dataObjects = List.copyOf(dataObjects);
        tombstoneObjects = List.copyOf(tombstoneObjects);
    }
}
