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
 * What an operator spilled: files in the statement's spill directory ({@link QueryMemory#newSpillFile}) of
 * batches, each an Arrow IPC message prefixed by its length, appended batch by batch and read back one batch
 * at a time: a sort's sorted runs, an aggregate's partitions of rows. Closing deletes them (and the
 * statement's end deletes what an operator failed to close). A disk that cannot take a batch fails the
 * statement with ER_OUT_OF_RESOURCES. Each file being written or read has a buffer (64 KiB; under a small
 * memory limit, 1/256 of it, at least 4 KiB) whose heap is reserved from the statement's memory.
 */
final class SpillFiles implements AutoCloseable {
    private final QueryMemory memory;
    private final String kind;
    private final int bufferBytes;
    private final QueryMemory.Reservation buffers;
    private final List<Path> files = new ArrayList<>();
    private final List<DataOutputStream> writers = new ArrayList<>();

    /** Files named {@code strata-<kind>-...spill} in the statement's spill directory. */
    SpillFiles(ExecutionContext context, String kind) {
        this.memory = context.memory();
        this.kind = kind;
        this.bufferBytes = context.spillBufferBytes();
        this.buffers = memory.reserve(kind + " spill files");
    }

    /** A new, empty file; returns its number. */
    int create() {
        try {
            buffers.add(bufferBytes);
            Path file = memory.newSpillFile(kind);
            files.add(file);
            writers.add(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), bufferBytes)));
            return files.size() - 1;
        } catch (IOException e) {
            throw cannotSpill(e);
        }
    }

    /** Appends {@code batch} (the caller still owns it) to file {@code file}. */
    void append(int file, VectorSchemaRoot batch) {
        DataOutputStream out = writers.get(file);
        if (out == null) {
            throw new IllegalStateException("spill file " + file + " is already being read");
        }
        try {
            byte[] bytes = ArrowIpc.write(batch);
            out.writeInt(bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            throw cannotSpill(e);
        }
    }

    /** Writes {@code batches} as one more file; returns its number. */
    int write(List<VectorSchemaRoot> batches) {
        int file = create();
        for (VectorSchemaRoot batch : batches) {
            append(file, batch);
        }
        finishWriting(file);
        return file;
    }

    /** Ends writing file {@code file} (its buffer is given back; it can be read then). */
    void finishWriting(int file) {
        DataOutputStream out = writers.get(file);
        if (out != null) {
            writers.set(file, null);
            buffers.release(bufferBytes);
            try {
                out.close();
            } catch (IOException e) {
                throw cannotSpill(e);
            }
        }
    }

    private static StrataException cannotSpill(IOException e) {
        return new StrataException(ErrorCode.ER_OUT_OF_RESOURCES,
                "Out of resources: an operator could not spill to disk: " + e.getMessage(), e);
    }

    int count() {
        return files.size();
    }

    /** A reader of file {@code file}'s batches, in order (no more can be appended to it then). */
    Reader open(int file, List<Field> fields, BufferAllocator allocator) {
        finishWriting(file);
        if (files.get(file) == null) {
            throw new IllegalStateException("spill file " + file + " was deleted");
        }
        buffers.add(bufferBytes);
        try {
            return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(file)), bufferBytes)),
                    fields, allocator, () -> buffers.release(bufferBytes));
        } catch (IOException e) {
            buffers.release(bufferBytes);
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one file's batches back; each returned batch is the caller's to close. */
    static final class Reader implements AutoCloseable {
        private final DataInputStream in;
        private final List<Field> fields;
        private final BufferAllocator allocator;
        private final Runnable onClose;
        private boolean closed;

        private Reader(DataInputStream in, List<Field> fields, BufferAllocator allocator, Runnable onClose) {
            this.in = in;
            this.fields = fields;
            this.allocator = allocator;
            this.onClose = onClose;
        }

        /** The next batch, or null at the end of the file. */
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
            if (closed) {
                return;
            }
            closed = true;
            onClose.run();
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes file {@code file} (its number stays taken; it must not be read again). */
    void delete(int file) {
        try {
            finishWriting(file);
        } catch (StrataException e) {
            // the file is deleted below either way
        }
        Path path = files.get(file);
        if (path != null) {
            files.set(file, null);
            memory.deleteSpillFile(path);
        }
    }

    @Override
    public void close() {
        for (int file = 0; file < files.size(); file++) {
            delete(file);
        }
        files.clear();
        writers.clear();
        buffers.close();
    }
}
