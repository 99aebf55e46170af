package io.strata.txn;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.storage.ForwardingObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.CheckpointCodec;
import io.strata.txn.checkpoint.MergeResult;
import io.strata.txn.mvcc.TableData;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkpoint put that fails may still have stored the checkpoint (S3 answering with a timeout or a 5xx
 * after it took the object): the flush must then keep the objects that checkpoint lists, so that a
 * restart from it finds every one of them.
 */
class CheckpointPutFailureTest extends NodeTestBase {
    /** Stores the next checkpoint, then reports a failure, once armed. */
    static final class LostAnswerStore extends ForwardingObjectStore {
        volatile boolean armed;

        LostAnswerStore(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        public void put(String key, byte[] bytes) {
            delegate.put(key, bytes);
            if (armed && key.startsWith(CheckpointCodec.PREFIX)) {
                armed = false;
                throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "timed out waiting for the answer (simulated)");
            }
        }
    }

    LostAnswerStore lostAnswer;

    @Override
    ObjectStore wrap(ObjectStore directory) {
        lostAnswer = new LostAnswerStore(directory);
        return lostAnswer;
    }

    @Test
    void aFlushWhoseCheckpointPutFailedKeepsTheObjectsItMayList() {
        TableDefinition table = createTable(TransactionNodeTest.USERS);
        insert(table, 0, 100);
        lostAnswer.armed = true;
        StrataException failed = assertThrows(StrataException.class, node::flush);
        assertEquals(ErrorCode.ER_STORAGE_FAILURE, failed.code());
        insert(table, 100, 150);

        reopen(false); // a crash: the newest checkpoint is the one whose put "failed"
        assertEquals(LongStream.range(0, 150).boxed().toList(), ids());
        node.flush();
        reopen(true);
        assertEquals(LongStream.range(0, 150).boxed().toList(), ids());
        assertTrue(store.list(CheckpointCodec.PREFIX).size() <= 2);
    }

    @Test
    void aMergeWhoseCheckpointPutFailedKeepsItsOutputs() {
        TableDefinition table = createTable(TransactionNodeTest.USERS);
        tenFlushedObjects(table);
        TableData data = node.tableData(table.tableId());
        MergeResult merge = mergeOfAllObjects(table, "lost-answer");
        lostAnswer.armed = true;
        StrataException failed = assertThrows(StrataException.class, () -> node.installMerge(data, merge));
        assertEquals(ErrorCode.ER_STORAGE_FAILURE, failed.code());
        assertEquals(10, data.version().objects().size(), "not swapped in: the inputs are still read");
        merge.outputs().forEach(output -> assertTrue(store.exists(output.key()), "kept: the stored checkpoint lists it"));
        insert(table, 100, 110);

        reopen(false); // a crash: the newest checkpoint is the merge's, whose put "failed"
        assertEquals(LongStream.range(0, 110).boxed().toList(), ids());
        assertEquals(merge.outputs(), node.tableData(table.tableId()).version().objects());
        node.flush();
        reopen(true);
        assertEquals(LongStream.range(0, 110).boxed().toList(), ids());
    }

    @Test
    void aMergeAfterAFlushWhoseCheckpointPutFailedIsSwappedInByAFlush() {
        TableDefinition table = createTable(TransactionNodeTest.USERS);
        tenFlushedObjects(table);
        insert(table, 100, 110);
        lostAnswer.armed = true;
        assertThrows(StrataException.class, node::flush); // its checkpoint, at a newer LSN, landed
        MergeResult merge = mergeOfAllObjects(table, "after-lost-answer");
        assertTrue(node.installMerge(node.tableData(table.tableId()), merge));
        // Rewriting the older checkpoint would leave the landed one newest, listing the merge's inputs, which
        // then go once no reader needs them: a restart from it would miss them.
        node.reclaimObjects();
        reopen(false);
        assertEquals(merge.outputs(), node.tableData(table.tableId()).version().objects().subList(0, merge.outputs().size()));
        assertEquals(LongStream.range(0, 110).boxed().toList(), ids());
    }

    /** Ids 0 to 99 in ten objects of ten rows each, one flush apiece. */
    private void tenFlushedObjects(TableDefinition table) {
        for (long first = 0; first < 100; first += 10) {
            insert(table, first, first + 10);
            node.flush();
        }
    }

    private void insert(TableDefinition table, long from, long to) {
        try (Transaction txn = node.begin()) {
            Object[][] rows = LongStream.range(from, to).mapToObj(id -> new Object[] {id, "user" + id}).toArray(Object[][]::new);
            try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
                txn.insert(table.tableId(), batch);
            }
            txn.commit();
        }
    }

    private List<Long> ids() {
        try (Transaction txn = node.begin()) {
            return Rows.ids(txn, "app", "users");
        }
    }
}
