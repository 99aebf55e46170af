package io.strata.txn.mvcc;

import java.util.List;

/** What a table holds at one moment: flushed data objects, tombstone objects, and logtail segments. */
public record TableVersion(List<DataObjectRef> objects, List<String> tombstoneObjects, List<LogtailSegment> logtail) {
    public static final TableVersion EMPTY = new TableVersion(List.of(), List.of(), List.of());

    public TableVersion {
        objects = List.copyOf(objects);
        tombstoneObjects = List.copyOf(tombstoneObjects);
        logtail = List.copyOf(logtail);
        assert objects.stream().map(DataObjectRef::key).distinct().count() == objects.size() : "an object listed twice: " + objects;
    }
}
