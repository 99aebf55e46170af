package io.strata.txn.log;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@link LogService} in segment files of one local directory. Group commit: appenders only queue
 * their record; one writer thread takes everything queued (up to {@code log.group-commit-max-records}),
 * writes it with one write and one fsync, then completes all those futures. The active segment is
 * extended with zeros a few MiB at a time ahead of its records, so that a commit's fsync flushes data
 * only (a growing file would make every fsync a metadata journal commit, which waits for other files'
 * dirty data). Opening the log scans the segments, cuts a torn or corrupt tail (or the zeros) off the
 * last one, and starts a new segment.
 */
public final class LocalLogService implements LogService {
    private static final long POLL_MILLIS = 50;
    /** How far ahead of its records a segment is extended with zeros. */
    private static final long EXTENT_BYTES = 4L << 20;

    private final Path directory;
    private final int maxBatchRecords;
    private final long segmentSizeBytes;
    private final BlockingQueue<PendingAppend> queue;
    private final Thread writer;
    private final Object segmentsLock = new Object();
    private final List<Path> segments; // guarded by segmentsLock, sorted by base LSN
    private FileChannel active;        // used by the writer thread only (and close after it stops)
    private long activeBytes;          // where the next record goes
    private long preallocatedBytes;    // the active segment's size: records, then zeros
    private long nextLsn;
    private volatile long durableLsn;
    private volatile long fsyncCount;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private record PendingAppend(byte[] payload, CompletableFuture<Long> future) {}

    private LocalLogService(Path directory, StrataConfig config, List<Path> segments, long nextLsn)
            throws IOException {
        this.directory = directory;
        this.maxBatchRecords = Math.max(1, config.getInt("log.group-commit-max-records"));
        this.segmentSizeBytes = Math.max(1024, config.getLong("log.segment-size-bytes"));
        this.queue = new ArrayBlockingQueue<>(Math.max(16, maxBatchRecords * 4));
        this.segments = segments;
        this.nextLsn = nextLsn;
        this.durableLsn = nextLsn - 1;
        rollSegment(); // never append to a segment found at open: its tail may hold zeros or a torn write
        this.writer = Thread.ofPlatform().name("strata-log-writer").daemon(true).unstarted(this::writeLoop);
        writer.start();
    }

    /** Opens (creating if needed) the log in {@code directory}, cutting a torn tail off the last segment. */
    public static LocalLogService open(Path directory, StrataConfig config) {
        return open(directory, config, 1);
    }

    /**
     * Like {@link #open(Path, StrataConfig)}, but new records get LSNs of at least {@code minNextLsn}: a log
     * that lost its files (or is new) must not hand out LSNs a checkpoint already covers, or replay
     * would skip those records.
     */
    public static LocalLogService open(Path directory, StrataConfig config, long minNextLsn) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
            List<Path> segments = listSegments(directory);
            long nextLsn = 1;
            for (int i = 0; i < segments.size(); i++) {
                Path segment = segments.get(i);
                long base = SegmentFile.baseLsn(segment);
                if (i > 0 && base < nextLsn) {
                    throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "log segment %s overlaps LSN %d",
                            segment, nextLsn - 1);
                }
                SegmentFile.ScanResult scan = SegmentFile.scan(segment, Long.MAX_VALUE, (lsn, record) -> { });
                boolean last = i == segments.size() - 1;
                if (scan.torn() && !last) {
                    throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "log segment %s is corrupt at byte %d",
                            segment, scan.validBytes());
                }
                nextLsn = base + scan.records();
                if (last && scan.records() == 0 && i > 0) {
                    // Rolled but never written: its name (its base LSN) is the one the new segment takes.
                    Files.delete(segment);
                    segments.remove(i);
                } else if (last && scan.validBytes() < scan.fileBytes()) {
                    cutTornTail(segment, scan.validBytes());
                }
            }
            if (segments.size() == 1 && nextLsn == SegmentFile.baseLsn(segments.get(0))) {
                Files.delete(segments.remove(0)); // the only segment, and empty
            }
            return new LocalLogService(directory, config, segments, Math.max(nextLsn, minNextLsn));
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot open the log in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Long> appendAsync(byte[] record) {
        Objects.requireNonNull(record, "record");
        if (record.length > SegmentFile.MAX_RECORD_BYTES) {
            throw StrataException.of(ErrorCode.ER_OUT_OF_RESOURCES, "log record of %d bytes is too large", record.length);
        }
        return enqueue(new PendingAppend(record, new CompletableFuture<>()));
    }

    @Override
    public long sync() {
        return LogFutures.await(enqueue(new PendingAppend(null, new CompletableFuture<>())));
    }

    @Override
    public void read(long fromLsn, LogConsumer consumer) {
        List<Path> snapshot;
        synchronized (segmentsLock) {
            snapshot = List.copyOf(segments);
        }
        for (int i = 0; i < snapshot.size(); i++) {
            boolean hasNext = i + 1 < snapshot.size();
            if (hasNext && SegmentFile.baseLsn(snapshot.get(i + 1)) <= fromLsn) {
                continue; // every record of this segment is below fromLsn
            }
            try {
                SegmentFile.scan(snapshot.get(i), fromLsn, consumer);
            } catch (IOException e) {
                throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot read log segment " + snapshot.get(i), e);
            }
        }
    }

    @Override
    public void truncate(long upToLsn) {
        synchronized (segmentsLock) {
            // A segment may go when the next one starts at or before upToLsn + 1; the last (active) one stays.
            while (segments.size() > 1 && SegmentFile.baseLsn(segments.get(1)) <= upToLsn + 1) {
                Path doomed = segments.remove(0);
                try {
                    Files.deleteIfExists(doomed);
                } catch (IOException e) {
                    throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot delete log segment " + doomed, e);
                }
            }
        }
    }

    @Override
    public long lastLsn() {
        return durableLsn;
    }

    /** How many fsyncs the writer made; with group commit, fewer than the records appended. */
    public long fsyncCount() {
        return fsyncCount;
    }

    /** Segment files currently kept (for tests and diagnostics). */
    public List<Path> segmentFiles() {
        synchronized (segmentsLock) {
            return List.copyOf(segments);
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            active.close();
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot close the log", e);
        }
        failAll(new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the log is closed"));
    }

    private CompletableFuture<Long> enqueue(PendingAppend pending) {
        checkUsable();
        try {
            while (!queue.offer(pending, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                checkUsable(); // the queue is bounded: wait for the writer, but not for a dead one
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "interrupted while queueing a log record", e);
        }
        if (!running || failure != null) {
            // The writer may have stopped between the check and the offer: answer whatever is left.
            failAllIfStopped();
        }
        return pending.future();
    }

    private void checkUsable() {
        if (failure != null) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the log failed: " + failure.getMessage(), failure);
        }
        if (!running) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the log is closed");
        }
    }

    private void writeLoop() {
        List<PendingAppend> batch = new ArrayList<>(maxBatchRecords);
        while (true) {
            batch.clear();
            try {
                PendingAppend first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!running) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatchRecords - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                failure = e;
                StrataException error = new StrataException(ErrorCode.ER_STORAGE_FAILURE, "log write failed: " + e.getMessage(), e);
                batch.forEach(pending -> pending.future().completeExceptionally(error));
                failAll(error);
                return;
            }
        }
    }

    private void writeBatch(List<PendingAppend> batch) throws IOException {
        int bytes = 0;
        for (PendingAppend pending : batch) {
            if (pending.payload() != null) {
                bytes += SegmentFile.HEADER_BYTES + pending.payload().length;
            }
        }
        long[] lsns = new long[batch.size()];
        if (bytes > 0) {
            if (activeBytes > 0 && activeBytes + bytes > segmentSizeBytes) {
                rollSegment(); // before numbering: a segment is named after the LSN of its first record
            }
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            for (int i = 0; i < batch.size(); i++) {
                PendingAppend pending = batch.get(i);
                if (pending.payload() != null) {
                    SegmentFile.frame(buffer, pending.payload());
                    lsns[i] = nextLsn++;
                }
            }
            buffer.flip();
            writeFully(buffer, activeBytes);
            activeBytes += bytes;
            if (activeBytes > preallocatedBytes) {
                extendWithZeros(activeBytes + Math.min(EXTENT_BYTES, segmentSizeBytes));
            }
            active.force(false); // also makes a new size durable, the rare times it changed
            fsyncCount++;
            durableLsn = nextLsn - 1;
        }
        for (int i = 0; i < batch.size(); i++) {
            PendingAppend pending = batch.get(i);
            pending.future().complete(pending.payload() != null ? lsns[i] : durableLsn);
        }
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += active.write(buffer, at);
        }
    }

    private void extendWithZeros(long newSizeBytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(1 << 20, newSizeBytes - preallocatedBytes));
        long at = Math.max(preallocatedBytes, activeBytes);
        while (at < newSizeBytes) {
            zeros.clear();
            zeros.limit((int) Math.min(zeros.capacity(), newSizeBytes - at));
            while (zeros.hasRemaining()) {
                at += active.write(zeros, at);
            }
        }
        preallocatedBytes = newSizeBytes;
    }

    private void rollSegment() throws IOException {
        Path next = directory.resolve(SegmentFile.name(nextLsn));
        FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        fsyncDirectory(directory);
        if (active != null) {
            active.close();
        }
        active = channel;
        activeBytes = 0;
        preallocatedBytes = 0;
        synchronized (segmentsLock) {
            segments.add(next);
        }
    }

    private void failAllIfStopped() {
        if (!writer.isAlive()) {
            failAll(new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the log is closed"));
        }
    }

    private void failAll(StrataException error) {
        PendingAppend pending;
        while ((pending = queue.poll()) != null) {
            pending.future().completeExceptionally(error);
        }
    }

    private static List<Path> listSegments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(path -> path.getFileName().toString().endsWith(SegmentFile.SUFFIX))
                    .sorted()
                    .toList());
        }
    }

    private static void cutTornTail(Path segment, long validBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(validBytes);
            channel.force(true);
        }
    }

    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
