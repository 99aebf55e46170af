package io.strata.compute.operator;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One statement's memory and spill files. Its memory is the Arrow buffers of its allocator plus the heap
 * bytes its operators {@link #reserve reserve} for what they keep in Java structures (hash tables, key sets,
 * columns read out of vectors); together they stay within {@link #limitBytes}, past which the statement fails
 * with ER_OUT_OF_RESOURCES (1041) naming the operator, the limit and how to raise it. The Arrow side is
 * enforced by the allocator itself: an {@link #open opened} memory owns a child allocator whose limit is the
 * statement's limit less the reserved heap. All statements' reserved heap together stays within half of the
 * JVM's heap ({@link #HEAP_BYTES_MAX}), so estimates that undercount leave room.
 *
 * <p>Spill files are made in {@link #spillDirectory} through {@link #newSpillFile} and remembered until
 * deleted, so that {@link #close} (the statement's end, however it ends) deletes whatever an operator left.
 * Thread-safe: a statement's parallel workers share it.
 */
public final class QueryMemory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryMemory.class);
    /** What the heap reservations of all running statements may add up to. */
    static final long HEAP_BYTES_MAX = Runtime.getRuntime().maxMemory() / 2;
    private static final AtomicLong HEAP_BYTES_ALL = new AtomicLong();
    private static final AtomicLong SPILL_FILES_CREATED = new AtomicLong();
    private static final AtomicLong SPILL_FILES_OPEN = new AtomicLong();
    static final String SPILL_PREFIX = "strata-";
    static final String SPILL_SUFFIX = ".spill";

    private final BufferAllocator allocator;
    private final boolean ownsAllocator;
    private final long limitBytes;
    private final Path spillDirectory;
    private final AtomicLong heapBytes = new AtomicLong();
    private final Set<Path> spillFiles = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private QueryMemory(BufferAllocator allocator, boolean ownsAllocator, long limitBytes, Path spillDirectory) {
        this.allocator = allocator;
        this.ownsAllocator = ownsAllocator;
        this.limitBytes = limitBytes;
        this.spillDirectory = spillDirectory;
    }

    /**
     * A statement's memory of at most {@code limitBytes} (Long.MAX_VALUE: no limit), its Arrow buffers in a new
     * child of {@code parent} that {@link #close} closes, its spill files in {@code spillDirectory}.
     */
    public static QueryMemory open(BufferAllocator parent, long limitBytes, Path spillDirectory) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(spillDirectory, "spillDirectory");
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive: " + limitBytes);
        }
        BufferAllocator child = parent.newChildAllocator("statement", 0, limitBytes);
        return new QueryMemory(child, true, limitBytes, spillDirectory);
    }

    /**
     * Memory without a limit over {@code allocator} (not closed here), spilling to the system's temporary
     * directory: for contexts made without a statement (tests, tools).
     */
    public static QueryMemory unlimited(BufferAllocator allocator) {
        return new QueryMemory(Objects.requireNonNull(allocator, "allocator"), false, Long.MAX_VALUE,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** The statement's limit: Arrow bytes plus reserved heap; Long.MAX_VALUE when there is none. */
    public long limitBytes() {
        return limitBytes;
    }

    boolean limited() {
        return limitBytes != Long.MAX_VALUE;
    }

    /** Arrow bytes allocated plus heap reserved, now. */
    public long usedBytes() {
        return allocator.getAllocatedMemory() + heapBytes.get();
    }

    public long heapBytes() {
        return heapBytes.get();
    }

    Path spillDirectory() {
        return spillDirectory;
    }

    /** A handle for one operator's heap reservations, released together by its {@code close()}. */
    public Reservation reserve(String operator) {
        return new Reservation(operator);
    }

    /** Heap bytes an operator holds, grown as its structures grow; closing gives them back. Not thread-safe. */
    public final class Reservation implements AutoCloseable {
        private final String operator;
        private long bytes;

        private Reservation(String operator) {
            this.operator = operator;
        }

        /** Reserves {@code more} bytes, or fails with 1041 (reserving nothing) if the statement would exceed its limit. */
        public void add(long more) {
            if (more <= 0) {
                if (more < 0) {
                    release(-more);
                }
                return;
            }
            long statement = heapBytes.addAndGet(more);
            long all = HEAP_BYTES_ALL.addAndGet(more);
            if (statement + allocator.getAllocatedMemory() > limitBytes || all > HEAP_BYTES_MAX) {
                heapBytes.addAndGet(-more);
                HEAP_BYTES_ALL.addAndGet(-more);
                throw all > HEAP_BYTES_MAX ? serverExhausted(operator) : exceeded(operator);
            }
            bytes += more;
            limitArrow();
        }

        /** Grows or shrinks the reservation to {@code total} bytes. */
        void resize(long total) {
            add(total - bytes);
        }

        void release(long fewer) {
            long released = Math.min(fewer, bytes);
            bytes -= released;
            heapBytes.addAndGet(-released);
            HEAP_BYTES_ALL.addAndGet(-released);
            limitArrow();
        }

        public long bytes() {
            return bytes;
        }

        String operator() {
            return operator;
        }

        @Override
        public void close() {
            release(bytes);
        }
    }

    /** The Arrow allocator may hold what the reserved heap leaves of the limit. */
    private void limitArrow() {
        if (ownsAllocator && limited()) {
            allocator.setLimit(Math.max(0, limitBytes - heapBytes.get()));
        }
    }

    /** 1041 for {@code operator} (e.g. "window", "hash join build") needing more than the statement's limit. */
    public StrataException exceeded(String operator) {
        return exceeded(operator, null);
    }

    public StrataException exceeded(String operator, Throwable cause) {
        return new StrataException(ErrorCode.ER_OUT_OF_RESOURCES, String.format(
                "Out of memory: the %s needs more than the statement's memory limit of %d bytes "
                        + "(strata_query_memory_limit) and cannot spill what it holds to disk; raise the limit, "
                        + "e.g. SET strata_query_memory_limit = %d", operator, limitBytes, suggestedLimit()), cause);
    }

    /** 1041 for the statement as a whole (its allocator refused a buffer outside any operator's own check). */
    public StrataException exceededByStatement(Throwable cause) {
        return new StrataException(ErrorCode.ER_OUT_OF_RESOURCES, String.format(
                "Out of memory: the statement needs more than its memory limit of %d bytes (strata_query_memory_limit); "
                        + "raise the limit, e.g. SET strata_query_memory_limit = %d", limitBytes, suggestedLimit()), cause);
    }

    private long suggestedLimit() {
        return limitBytes > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : limitBytes * 4;
    }

    private static StrataException serverExhausted(String operator) {
        return new StrataException(ErrorCode.ER_OUT_OF_RESOURCES, String.format(
                "Out of memory: the %s cannot reserve more heap: running statements hold the server's %d bytes "
                        + "for queries (half of the JVM's heap); retry later or lower strata_query_memory_limit "
                        + "so that operators spill sooner", operator, HEAP_BYTES_MAX));
    }

    /** A new empty spill file named {@code strata-<kind>-...spill}, deleted by {@link #deleteSpillFile} or {@link #close}. */
    Path newSpillFile(String kind) throws IOException {
        if (closed) {
            throw new IllegalStateException("the statement's memory is closed");
        }
        Files.createDirectories(spillDirectory);
        Path file = Files.createTempFile(spillDirectory, SPILL_PREFIX + kind + "-", SPILL_SUFFIX);
        spillFiles.add(file);
        SPILL_FILES_CREATED.incrementAndGet();
        SPILL_FILES_OPEN.incrementAndGet();
        return file;
    }

    /** Deletes a spill file; a file that cannot be deleted is left to {@link #close} and the next server start. */
    void deleteSpillFile(Path file) {
        try {
            Files.deleteIfExists(file);
            if (spillFiles.remove(file)) {
                SPILL_FILES_OPEN.decrementAndGet();
            }
        } catch (IOException e) {
            LOG.warn("cannot delete spill file {}: {}", file, e.toString());
        }
    }

    /** Spill files made and not yet deleted. */
    int spillFileCount() {
        return spillFiles.size();
    }

    /** Spill files all statements of this server made (SHOW STATUS: Strata_spill_files_created). */
    public static long spillFilesCreated() {
        return SPILL_FILES_CREATED.get();
    }

    /** Spill files that exist now, of statements still running (SHOW STATUS: Strata_spill_files_open). */
    public static long spillFilesOpen() {
        return SPILL_FILES_OPEN.get();
    }

    /** Heap bytes reserved by running statements (SHOW STATUS: Strata_query_heap_bytes). */
    public static long heapBytesReserved() {
        return HEAP_BYTES_ALL.get();
    }

    /**
     * Deletes the spill files of statements that did not end (a crash): {@code strata-*.spill} files directly in
     * {@code directory}, which is created if missing. Returns how many were deleted.
     */
    public static int deleteLeftoverSpillFiles(Path directory) {
        try {
            Files.createDirectories(directory);
            int deleted = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, SPILL_PREFIX + "*" + SPILL_SUFFIX)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear spill directory " + directory, e);
        }
    }

    /**
     * Ends the statement's memory: deletes its remaining spill files and closes its allocator (operators have
     * closed their buffers by then; a leak is logged as the bug it is, the statement's answer stands).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!spillFiles.isEmpty()) {
            for (Path file : new ArrayList<>(spillFiles)) {
                deleteSpillFile(file);
            }
        }
        long heap = heapBytes.getAndSet(0);
        if (heap != 0) {
            HEAP_BYTES_ALL.addAndGet(-heap);
            LOG.error("a statement ended with {} heap bytes still reserved", heap);
        }
        if (ownsAllocator) {
            try {
                allocator.close();
            } catch (IllegalStateException e) {
                LOG.error("a statement's operators left Arrow memory allocated", e);
            }
        }
    }
}
