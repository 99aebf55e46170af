package io.strata.storage.format;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.channels.Channels;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Arrow batch as bytes (the Arrow IPC stream format: schema + one record batch) and back. The
 * bytes are a deep copy, so they also serve to copy a batch out of a caller's buffers.
 */
public final class ArrowIpc {
    /**
     * Serialized schema messages by schema: a commit serializes its rows (often one) for the log, and
     * building the schema's flatbuffer cost more than the rows. Few distinct schemas exist (one per
     * table version and per column type); past the bound they are serialized each time.
     */
    private static final Map<Schema, byte[]> SCHEMA_MESSAGES = new ConcurrentHashMap<>();
    private static final int MAX_SCHEMA_MESSAGES = 4096;

    private ArrowIpc() {}

    /**
     * Serializes all rows of {@code batch}: the same bytes as Arrow's {@code ArrowStreamWriter} (schema
     * message, record batch message, end-of-stream marker), with the schema message reused.
     */
    public static byte[] write(VectorSchemaRoot batch) {
        byte[] schema = schemaMessage(batch.getSchema());
        ByteArrayOutputStream out = new ByteArrayOutputStream(schema.length + 256 + (int) Math.min(1 << 20,
                batch.getFieldVectors().stream().mapToLong(FieldVector::getBufferSize).sum()));
        WriteChannel channel = new WriteChannel(Channels.newChannel(out));
        try (ArrowRecordBatch records = new VectorUnloader(batch).getRecordBatch()) {
            channel.write(schema);
            MessageSerializer.serialize(channel, records, IpcOption.DEFAULT);
            ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot serialize an Arrow batch", e);
        }
        return out.toByteArray();
    }

    private static byte[] schemaMessage(Schema schema) {
        byte[] known = SCHEMA_MESSAGES.get(schema);
        if (known != null) {
            return known;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema, IpcOption.DEFAULT);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot serialize an Arrow schema", e);
        }
        byte[] message = out.toByteArray();
        if (SCHEMA_MESSAGES.size() < MAX_SCHEMA_MESSAGES) {
            SCHEMA_MESSAGES.put(schema, message);
        }
        return message;
    }

    /**
     * Reads one batch written by {@link #write} into vectors of {@code fields} (same types, in order;
     * their names and metadata win over the stored ones). The caller owns and closes the result.
     */
    public static VectorSchemaRoot read(byte[] bytes, List<Field> fields, BufferAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
            VectorSchemaRoot stored = reader.getVectorSchemaRoot();
            if (!reader.loadNextBatch()) {
                throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "Arrow stream holds no batch");
            }
            if (stored.getFieldVectors().size() != fields.size()) {
                throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "Arrow stream has %d columns, expected %d",
                        stored.getFieldVectors().size(), fields.size());
            }
            for (int i = 0; i < fields.size(); i++) {
                FieldVector target = fields.get(i).createVector(allocator);
                vectors.add(target);
                stored.getVector(i).makeTransferPair(target).transfer();
            }
            VectorSchemaRoot result = new VectorSchemaRoot(fields, vectors, stored.getRowCount());
            return result;
        } catch (IOException e) {
            vectors.forEach(FieldVector::close);
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot read an Arrow batch", e);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    /** A deep copy of {@code batch} owned by {@code allocator}. */
    public static VectorSchemaRoot copy(VectorSchemaRoot batch, BufferAllocator allocator) {
        return read(write(batch), batch.getSchema().getFields(), allocator);
    }
}
