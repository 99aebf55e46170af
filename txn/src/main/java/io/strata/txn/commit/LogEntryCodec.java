package io.strata.txn.commit;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.txn.catalog.CatalogCodec;
import io.strata.txn.catalog.DdlOp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bytes of a {@link LogEntry} in a log record. */
public final class LogEntryCodec {
    private static final byte COMMIT = 1;
    private static final byte AUTO_INCREMENT = 2;

    private LogEntryCodec() {}

    public static byte[] encode(LogEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (entry) {
                case LogEntry.Commit commit -> writeCommit(out, commit);
                case LogEntry.AutoIncrementReservation reservation -> {
                    out.writeByte(AUTO_INCREMENT);
                    out.writeLong(reservation.tableId());
                    out.writeLong(reservation.reservedUpTo());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public static LogEntry decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            byte tag = in.readByte();
            return switch (tag) {
                case COMMIT -> readCommit(in);
                case AUTO_INCREMENT -> new LogEntry.AutoIncrementReservation(in.readLong(), in.readLong());
                default -> throw new IOException("unknown log entry tag " + tag);
            };
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "corrupt log entry: " + e.getMessage(), e);
        }
    }

    private static void writeCommit(DataOutputStream out, LogEntry.Commit commit) throws IOException {
        out.writeByte(COMMIT);
        out.writeLong(commit.commitTs());
        out.writeInt(commit.ddl().size());
        for (DdlOp op : commit.ddl()) {
            CatalogCodec.writeDdl(out, op);
        }
        out.writeInt(commit.inserts().size());
        for (LogEntry.TableInsert insert : commit.inserts()) {
            out.writeLong(insert.tableId());
            writeLongs(out, insert.rowIds());
            out.writeInt(insert.arrowIpc().length);
            out.write(insert.arrowIpc());
        }
        out.writeInt(commit.deletes().size());
        for (LogEntry.TableDelete delete : commit.deletes()) {
            out.writeLong(delete.tableId());
            writeLongs(out, delete.rowIds());
        }
        out.writeInt(commit.autoIncrementUsed().size());
        for (Map.Entry<Long, Long> entry : commit.autoIncrementUsed().entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    private static LogEntry.Commit readCommit(DataInputStream in) throws IOException {
        long commitTs = in.readLong();
        int ddlCount = in.readInt();
        List<DdlOp> ddl = new ArrayList<>(ddlCount);
        for (int i = 0; i < ddlCount; i++) {
            ddl.add(CatalogCodec.readDdl(in));
        }
        int insertCount = in.readInt();
        List<LogEntry.TableInsert> inserts = new ArrayList<>(insertCount);
        for (int i = 0; i < insertCount; i++) {
            long tableId = in.readLong();
            long[] rowIds = readLongs(in);
            byte[] ipc = new byte[in.readInt()];
            in.readFully(ipc);
            inserts.add(new LogEntry.TableInsert(tableId, rowIds, ipc));
        }
        int deleteCount = in.readInt();
        List<LogEntry.TableDelete> deletes = new ArrayList<>(deleteCount);
        for (int i = 0; i < deleteCount; i++) {
            deletes.add(new LogEntry.TableDelete(in.readLong(), readLongs(in)));
        }
        int autoCount = in.readInt();
        Map<Long, Long> autoIncrement = new HashMap<>();
        for (int i = 0; i < autoCount; i++) {
            autoIncrement.put(in.readLong(), in.readLong());
        }
        return new LogEntry.Commit(commitTs, ddl, inserts, deletes, autoIncrement);
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }
}
