package io.strata.txn.log;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalLogServiceTest {
    @TempDir
    Path dir;

    private static final StrataConfig SMALL_SEGMENTS = StrataConfig.defaults().with("log.segment-size-bytes", "1024");

    private static byte[] record(long i) {
        return ("record-" + i + "-" + "x".repeat((int) (i % 50))).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> readAll(LogService log, long from) {
        List<String> records = new ArrayList<>();
        log.read(from, (lsn, bytes) -> records.add(lsn + ":" + new String(bytes, StandardCharsets.UTF_8)));
        return records;
    }

    @Test
    void appendReadTruncateAndReopen() {
        try (LocalLogService log = LocalLogService.open(dir, SMALL_SEGMENTS)) {
            for (long i = 1; i <= 100; i++) {
                assertEquals(i, log.append(record(i)));
            }
            assertEquals(100, log.lastLsn());
            assertTrue(log.segmentFiles().size() > 3, "small segments roll over");
            List<String> all = readAll(log, 1);
            assertEquals(100, all.size());
            assertEquals("1:" + new String(record(1), StandardCharsets.UTF_8), all.get(0));
            assertEquals(51, readAll(log, 50).size());
            int before = log.segmentFiles().size();
            log.truncate(60);
            assertTrue(log.segmentFiles().size() < before, "whole segments below LSN 60 are gone");
            List<String> after = readAll(log, 61);
            assertEquals(40, after.size());
            assertTrue(after.get(0).startsWith("61:"));
        }
        try (LocalLogService log = LocalLogService.open(dir, SMALL_SEGMENTS)) {
            assertEquals(100, log.lastLsn());
            assertEquals(101, log.append(record(101)));
            assertEquals(41, readAll(log, 61).size());
        }
    }

    @Test
    void concurrentAppendersShareFsyncs() throws Exception {
        int threads = 8;
        int perThread = 200;
        Set<Long> lsns = ConcurrentHashMap.newKeySet();
        try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long lsn = log.append(("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8));
                        assertTrue(lsn <= log.lastLsn(), "an append returns once its record is durable");
                        lsns.add(lsn);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            assertEquals(threads * perThread, lsns.size(), "every record got its own LSN");
            assertEquals(threads * perThread, log.lastLsn());
            assertTrue(log.fsyncCount() < threads * perThread,
                    "group commit batches appenders: " + log.fsyncCount() + " fsyncs");
            Set<String> read = new HashSet<>(readAll(log, 1).stream().map(line -> line.substring(line.indexOf(':') + 1)).toList());
            assertEquals(threads * perThread, read.size());
            assertTrue(read.contains("t7-199"));
        }
    }

    @Test
    void tornLastRecordIsIgnoredAndCutAway() throws IOException {
        Path segment;
        try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
            for (long i = 1; i <= 3; i++) {
                log.append(record(i));
            }
            segment = log.segmentFiles().get(0);
        }
        long validSize = 0;
        for (long i = 1; i <= 3; i++) {
            validSize += 8 + record(i).length;
        }
        assertTrue(Files.size(segment) > validSize, "the segment is extended with zeros ahead of its records");
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            // A header announcing 100 bytes followed by only 5 and the end of the file: a torn write.
            channel.truncate(validSize);
            channel.write(ByteBuffer.allocate(13).putInt(100).putInt(12345).put(new byte[5]).flip(), validSize);
        }
        try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
            assertEquals(3, log.lastLsn());
            assertEquals(validSize, Files.size(segment), "the torn tail was truncated");
            assertEquals(4, log.append(record(4)));
            assertEquals(4, readAll(log, 1).size());
        }
    }

    @Test
    void corruptLastRecordFailsItsChecksumAndIsDropped() throws IOException {
        Path segment;
        try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
            log.append(record(1));
            log.append(record(2));
            segment = log.segmentFiles().get(0);
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            long lastByte = 8 + record(1).length + 8 + record(2).length - 1; // record 2's last byte, before the zeros
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), lastByte);
        }
        try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
            assertEquals(1, log.lastLsn());
            assertEquals(List.of("1:" + new String(record(1), StandardCharsets.UTF_8)), readAll(log, 1));
        }
    }

    @Test
    void zerosAheadOfTheRecordsAreACleanEndAndSurviveRestarts() throws IOException {
        try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
            log.append(record(1));
        }
        for (int restart = 0; restart < 3; restart++) {
            try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
                assertEquals(restart + 1, log.lastLsn());
                assertEquals(restart + 2, log.append(record(restart + 2)));
            }
        }
        try (LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults())) {
            assertEquals(4, readAll(log, 1).size());
            assertEquals(4, log.lastLsn());
        }
    }

    @Test
    void closedLogRefusesAppends() {
        LocalLogService log = LocalLogService.open(dir, StrataConfig.defaults());
        log.close();
        assertThrows(StrataException.class, () -> log.append(record(1)));
    }
}
