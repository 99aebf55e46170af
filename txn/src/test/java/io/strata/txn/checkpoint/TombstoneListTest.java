package io.strata.txn.checkpoint;

import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.storage.format.DataObjectReader;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tombstones read from several unsorted objects, probed, thinned out and written back. */
class TombstoneListTest {
    @TempDir
    Path dir;
    RootAllocator allocator;
    ObjectStore store;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
        store = new LocalDirObjectStore(dir);
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    TombstoneList read(String... keys) {
        return TombstoneList.read(List.of(keys), key -> DataObjectReader.open(store, key), allocator);
    }

    @Test
    void readsUnsortedObjectsProbesAndWritesBackWhatIsLeft() {
        // a flush writes tombstones in commit order, not row id order
        store.put("t/tomb-1.obj", Flusher.tombstoneObject(new long[] {40, 7, 300_000}, new long[] {11, 12, 13}, allocator));
        store.put("t/tomb-2.obj", Flusher.tombstoneObject(new long[] {5, 41}, new long[] {20, 21}, allocator));
        TombstoneList tombstones = read("t/tomb-1.obj", "t/tomb-2.obj");
        assertEquals(12, tombstones.deletedAt(7));
        assertEquals(13, tombstones.deletedAt(300_000));
        assertEquals(20, tombstones.deletedAt(5));
        assertEquals(TombstoneList.NOT_DELETED, tombstones.deletedAt(6));

        tombstones.remove(7);
        tombstones.remove(7);
        tombstones.remove(6); // no tombstone: nothing to leave out
        tombstones.remove(41);
        assertEquals(TombstoneList.NOT_DELETED, tombstones.deletedAt(7));
        store.put("t/mtomb.obj", tombstones.toObject(allocator));
        TombstoneList merged = read("t/mtomb.obj");
        assertEquals(11, merged.deletedAt(40));
        assertEquals(13, merged.deletedAt(300_000));
        assertEquals(20, merged.deletedAt(5));
        assertEquals(TombstoneList.NOT_DELETED, merged.deletedAt(7));
        assertEquals(TombstoneList.NOT_DELETED, merged.deletedAt(41));
        assertEquals(3, DataObjectReader.open(store, "t/mtomb.obj").footer().rowCount());
    }

    @Test
    void aRowListedTwiceKeepsItsLastListingAndEmptiesOnce() {
        TombstoneList tombstones = TombstoneList.of(new long[] {9, 3, 9}, new long[] {1, 2, 5});
        assertEquals(5, tombstones.deletedAt(9));
        assertFalse(tombstones.isEmpty());
        tombstones.remove(9);
        tombstones.remove(3);
        assertTrue(tombstones.isEmpty());
    }
}
