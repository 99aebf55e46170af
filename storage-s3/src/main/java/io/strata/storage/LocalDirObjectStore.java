package io.strata.storage;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link ObjectStore} in a local directory: one file per object, key segments as subdirectories.
 * A put writes a temporary file next to the target, fsyncs it, renames it atomically over the target
 * and fsyncs the directory, so after a crash a key holds the old or the new object, never a torn one.
 */
public final class LocalDirObjectStore implements ObjectStore {
    /** Temporary files carry this suffix; it contains '~', which keys never do, so list() skips them. */
    private static final String TEMP_SUFFIX = "~tmp";

    private final Path root;

    public LocalDirObjectStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw failure("create object store directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        Path target = pathOf(key);
        Path directory = target.getParent();
        Path temp = directory.resolve(target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveAtomically(temp, target);
            fsyncDirectory(directory);
        } catch (IOException e) {
            deleteQuietlyAfterFailure(temp, e);
            throw failure("put " + key, e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(pathOf(key));
        } catch (NoSuchFileException e) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "object not found: %s", key);
        } catch (IOException e) {
            throw failure("get " + key, e);
        }
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "bad range %d+%d of %s", offset, length, key);
        }
        try (FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ)) {
            if (offset + length > channel.size()) {
                throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "range %d+%d beyond the end (%d) of %s",
                        offset, length, channel.size(), key);
            }
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "short read of %s", key);
                }
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "object not found: %s", key);
        } catch (IOException e) {
            throw failure("get range of " + key, e);
        }
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(pathOf(key));
        } catch (NoSuchFileException e) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "object not found: %s", key);
        } catch (IOException e) {
            throw failure("size of " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public List<String> list(String prefix) {
        ObjectKeys.validatePrefix(prefix);
        // Walk only the deepest directory the prefix names fully; S3 lists by string prefix, so do we.
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String key = root.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile() && key.startsWith(prefix) && !key.endsWith(TEMP_SUFFIX)) {
                        keys.add(key);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted (or a put's temporary file renamed) since its directory was read
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw failure("list " + prefix, e);
        }
        Collections.sort(keys);
        return keys;
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw failure("delete " + key, e);
        }
    }

    @Override
    public void close() {
        // Nothing held open: every call opens and closes its own file.
    }

    private Path pathOf(String key) {
        return root.resolve(ObjectKeys.validate(key));
    }

    private static void moveAtomically(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically: " + target, e);
        }
    }

    /** Makes the rename durable: on Linux a directory opened for reading can be fsynced. */
    static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietlyAfterFailure(Path temp, IOException cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static StrataException failure(String what, IOException e) {
        return new StrataException(ErrorCode.ER_STORAGE_FAILURE, "object store: " + what + " failed: " + e.getMessage(), e);
    }
}
