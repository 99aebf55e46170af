package io.strata.txn.mvcc;

import io.strata.storage.format.DataObjectReader;
import io.strata.txn.cache.PinnedColumns;

/** Where snapshot reads get data objects: their readers, and their blocks decoded (usually from a cache). */
public interface ObjectBlocks {
    DataObjectReader reader(String objectKey);

    /** The decoded vectors of {@code columns} (object column indexes) of one block; the caller closes them. */
    PinnedColumns pin(DataObjectReader reader, int block, int[] columns);
}
