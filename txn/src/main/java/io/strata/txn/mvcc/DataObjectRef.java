package io.strata.txn.mvcc;

import java.util.Objects;

/** A flushed data object of a table: its key in the object store and its row count. */
public record DataObjectRef(String key, long rowCount) {
    public DataObjectRef {
        Objects.requireNonNull(key, "key");
    }
}
