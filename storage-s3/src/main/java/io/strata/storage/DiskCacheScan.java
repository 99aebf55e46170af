package io.strata.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a {@link DiskCacheObjectStore} finds in its directory at start: the range files, oldest first;
 * leftover temporary files are deleted, files it did not write are left alone and not counted.
 */
final class DiskCacheScan {
    private static final Logger LOG = LoggerFactory.getLogger(DiskCacheScan.class);
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{32})-(\\d{1,19})-(\\d{1,10})\\.range");

    record Found(DiskCacheObjectStore.RangeFile range, long sizeBytes, long modifiedMillis) {}

    private DiskCacheScan() {}

    static List<Found> scan(Path directory) throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(directory, 2)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                String name = path.getFileName().toString();
                Matcher matcher = NAME.matcher(name);
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(path); // a write cut short by a crash
                } else if (matcher.matches() && parses(matcher) && path.getParent().getFileName().toString()
                        .equals(matcher.group(1).substring(0, 2))) {
                    var range = new DiskCacheObjectStore.RangeFile(matcher.group(1), Long.parseLong(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)));
                    found.add(new Found(range, attributes.size(), attributes.lastModifiedTime().toMillis()));
                } else {
                    LOG.warn("disk cache: ignoring {}, which it did not write", path);
                }
            }
        }
        found.sort(Comparator.comparingLong(Found::modifiedMillis));
        return found;
    }

    private static boolean parses(Matcher matcher) {
        try {
            Long.parseLong(matcher.group(2));
            Integer.parseInt(matcher.group(3));
            return true;
        } catch (NumberFormatException e) {
            return false; // out of range: not a name this cache writes
        }
    }
}
