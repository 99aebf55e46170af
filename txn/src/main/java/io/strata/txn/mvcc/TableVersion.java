package io.strata.txn.mvcc;

import java.util.List;

/**
 * What a table holds at one moment: flushed data objects, tombstone objects, and logtail segments, with
 * the segments' key zones when {@link TableData} built them ({@link LogtailKeyZones#NONE} otherwise).
 */
public record TableVersion(List<DataObjectRef> objects, List<String> tombstoneObjects, List<LogtailSegment> logtail,
                           LogtailKeyZones keyZones) {
    public static final TableVersion EMPTY = new TableVersion(List.of(), List.of(), List.of());

    public TableVersion {
        objects = List.copyOf(objects);
        tombstoneObjects = List.copyOf(tombstoneObjects);
        logtail = List.copyOf(logtail);
        assert objects.stream().map(DataObjectRef::key).distinct().count() == objects.size() : "an object listed twice: " + objects;
    }

    /** A version without key zones; {@link TableData} adds them when it installs the version. */
    public TableVersion(List<DataObjectRef> objects, List<String> tombstoneObjects, List<LogtailSegment> logtail) {
        this(objects, tombstoneObjects, logtail, LogtailKeyZones.NONE);
    }
}
