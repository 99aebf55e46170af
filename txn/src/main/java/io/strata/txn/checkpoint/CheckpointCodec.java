package io.strata.txn.checkpoint;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.CatalogCodec;
import io.strata.txn.catalog.CatalogState;
import io.strata.txn.mvcc.DataObjectRef;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checkpoint objects: {@code checkpoints/ckpt-<lsn>.bin}, the latest being the last key in order. */
public final class CheckpointCodec {
    public static final String PREFIX = "checkpoints/";
    private static final int MAGIC = 0x53434b50; // "SCKP"
    private static final int VERSION = 1;

    private CheckpointCodec() {}

    public static String key(long lsn) {
        return String.format("%sckpt-%020d.bin", PREFIX, lsn);
    }

    /** The newest checkpoint in {@code store}, if any. */
    public static Optional<Checkpoint> latest(ObjectStore store) {
        List<String> keys = store.list(PREFIX);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decode(store.get(keys.get(keys.size() - 1))));
    }

    public static byte[] encode(Checkpoint checkpoint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(checkpoint.lsn());
            out.writeLong(checkpoint.commitTs());
            out.writeLong(checkpoint.nextRowId());
            out.writeLong(checkpoint.nextTableId());
            CatalogCodec.writeCatalog(out, checkpoint.catalog());
            out.writeInt(checkpoint.tables().size());
            for (Map.Entry<Long, TableFiles> table : checkpoint.tables().entrySet()) {
                out.writeLong(table.getKey());
                out.writeInt(table.getValue().dataObjects().size());
                for (DataObjectRef object : table.getValue().dataObjects()) {
                    out.writeUTF(object.key());
                    out.writeLong(object.rowCount());
                }
                out.writeInt(table.getValue().tombstoneObjects().size());
                for (String key : table.getValue().tombstoneObjects()) {
                    out.writeUTF(key);
                }
            }
            out.writeInt(checkpoint.autoIncrementNext().size());
            for (Map.Entry<Long, Long> counter : checkpoint.autoIncrementNext().entrySet()) {
                out.writeLong(counter.getKey());
                out.writeLong(counter.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public static Checkpoint decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a Strata checkpoint of version " + VERSION);
            }
            long lsn = in.readLong();
            long commitTs = in.readLong();
            long nextRowId = in.readLong();
            long nextTableId = in.readLong();
            CatalogState catalog = CatalogCodec.readCatalog(in);
            int tableCount = in.readInt();
            Map<Long, TableFiles> tables = new HashMap<>();
            for (int t = 0; t < tableCount; t++) {
                long tableId = in.readLong();
                int objectCount = in.readInt();
                List<DataObjectRef> objects = new ArrayList<>(objectCount);
                for (int i = 0; i < objectCount; i++) {
                    objects.add(new DataObjectRef(in.readUTF(), in.readLong()));
                }
                int tombstoneCount = in.readInt();
                List<String> tombstones = new ArrayList<>(tombstoneCount);
                for (int i = 0; i < tombstoneCount; i++) {
                    tombstones.add(in.readUTF());
                }
                tables.put(tableId, new TableFiles(objects, tombstones));
            }
            int counterCount = in.readInt();
            Map<Long, Long> counters = new HashMap<>();
            for (int i = 0; i < counterCount; i++) {
                counters.put(in.readLong(), in.readLong());
            }
            return new Checkpoint(lsn, commitTs, catalog, tables, nextRowId, nextTableId, counters);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "corrupt checkpoint: " + e.getMessage(), e);
        }
    }
}
