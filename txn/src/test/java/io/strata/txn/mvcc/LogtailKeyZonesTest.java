package io.strata.txn.mvcc;

import io.strata.common.type.DataType;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key zones a table keeps per logtail segment follow every version it installs, and prune only what they must. */
class LogtailKeyZonesTest {
    static final TableDefinition BY_ID = new TableDefinition(1, "db", "t",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, false),
                    new ColumnDefinition("name", DataType.varchar(20), true, null, false)),
            List.of(0), "");
    static final TableDefinition BY_NAME = new TableDefinition(2, "db", "u", BY_ID.columns(), List.of(1), "");
    final RootAllocator allocator = new RootAllocator();
    TableData table;

    @AfterEach
    void close() {
        if (table != null) {
            table.releaseAll();
        }
        allocator.close();
    }

    LogtailSegment segment(long firstRowId, long... ids) {
        BigIntVector idVector = new BigIntVector("id", allocator);
        VarCharVector names = new VarCharVector("name", allocator);
        idVector.allocateNew(ids.length);
        names.allocateNew(ids.length);
        long[] rowIds = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            idVector.set(i, ids[i]);
            names.setSafe(i, ("n" + ids[i]).getBytes(StandardCharsets.UTF_8));
            rowIds[i] = firstRowId + i;
        }
        idVector.setValueCount(ids.length);
        names.setValueCount(ids.length);
        return new LogtailSegment(1, rowIds, new VectorSchemaRoot(List.<FieldVector>of(idVector, names)));
    }

    @Test
    void segmentsAppendedAndInstalledCarryTheirKeyRanges() {
        table = new TableData(BY_ID);
        table.appendLogtail(segment(100, 5, 9));
        table.appendLogtail(segment(200));            // empty: no range reaches it
        table.appendLogtail(segment(300, 40, 20, 30));
        LogtailKeyZones zones = table.version().keyZones();
        assertTrue(zones.excludes(0, 0, 10, 20));
        assertFalse(zones.excludes(0, 0, 9, 20));
        assertFalse(zones.excludes(0, 0, Long.MIN_VALUE, 5));
        assertTrue(zones.excludes(0, 1, Long.MIN_VALUE, Long.MAX_VALUE));
        assertFalse(zones.excludes(0, 2, 25, 26), "inside the segment's range, though no key equals it");
        assertTrue(zones.excludes(0, 2, 41, 100));
        assertFalse(zones.excludes(1, 0, 10, 20), "zones over another column never exclude");
        assertFalse(zones.excludes(0, 3, 10, 20), "nor past the segments they know");

        // A version built elsewhere (a flush keeping the last segment) gets its zones when installed.
        TableVersion current = table.version();
        table.replaceVersion(new TableVersion(current.objects(), current.tombstoneObjects(),
                List.of(current.logtail().get(2))));
        assertTrue(table.version().keyZones().excludes(0, 0, 41, 100));
        assertFalse(table.version().keyZones().excludes(0, 0, 20, 20));
        TableVersion installed = table.version();
        table.replaceVersion(installed);
        assertSame(installed, table.version(), "a version with its zones is installed as it is");
        current.logtail().subList(0, 2).forEach(LogtailSegment::release); // no longer listed
    }

    @Test
    void aTableWithoutAnIntegerKeyPrunesNothingByZones() {
        table = new TableData(BY_NAME);
        table.appendLogtail(segment(100, 5, 9));
        assertSame(LogtailKeyZones.NONE, table.version().keyZones());
        assertFalse(table.version().keyZones().excludes(1, 0, 10, 20));
    }
}
