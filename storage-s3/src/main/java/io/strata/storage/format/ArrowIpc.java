package io.strata.storage.format;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Arrow batch as bytes (the Arrow IPC stream format: schema + one record batch) and back. The
 * bytes are a deep copy, so they also serve to copy a batch out of a caller's buffers.
 */
public final class ArrowIpc {
    private ArrowIpc() {}

    /** Serializes all rows of {@code batch}. */
    public static byte[] write(VectorSchemaRoot batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(batch, null, out)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot serialize an Arrow batch", e);
        }
        return out.toByteArray();
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
