package io.strata.compute.operator;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.storage.format.ArrowIpc;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sort's spilled runs: files of sorted batches (each an Arrow IPC message, length-prefixed) in the
 * system's temporary directory, read back one batch per run at a time for the merge. Closing deletes
 * them. A disk that cannot take a run fails the statement with ER_OUT_OF_RESOURCES.
 */
final class SortedRuns implements AutoCloseable {
    private final List<Path> files = new ArrayList<>();

    /** Writes {@code batches} (the caller closes them) as one run. */
    void write(List<VectorSchemaRoot> batches) {
        try {
            Path file = Files.createTempFile("strata-sort-", ".run");
            files.add(file);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                for (VectorSchemaRoot batch : batches) {
                    byte[] bytes = ArrowIpc.write(batch);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_OUT_OF_RESOURCES,
                    "Out of resources: a sort could not spill to disk: " + e.getMessage(), e);
        }
    }

    int count() {
        return files.size();
    }

    /** A reader of run {@code index}'s batches, in order. */
    Reader open(int index, List<Field> fields, BufferAllocator allocator) {
        try {
            return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(index)), 1 << 16)),
                    fields, allocator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one run's batches back; each returned batch is the caller's to close. */
    static final class Reader implements AutoCloseable {
        private final DataInputStream in;
        private final List<Field> fields;
        private final BufferAllocator allocator;

        private Reader(DataInputStream in, List<Field> fields, BufferAllocator allocator) {
            this.in = in;
            this.fields = fields;
            this.allocator = allocator;
        }

        /** The next batch, or null at the end of the run. */
        VectorSchemaRoot next() {
            try {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return null;
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                return ArrowIpc.read(bytes, fields, allocator);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless; the statement's outcome does not depend on it
            }
        }
        files.clear();
    }
}
