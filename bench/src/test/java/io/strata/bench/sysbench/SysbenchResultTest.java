package io.strata.bench.sysbench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SysbenchResultTest {
    private static final String REPORT = """
            SQL statistics:
                queries performed:
                    read:                            2128
                    write:                           569
                    other:                           281
                    total:                           2978
                transactions:                        129    (12.61 per sec.)
                queries:                             2978   (291.18 per sec.)
                ignored errors:                      23     (2.25 per sec.)
                reconnects:                          0      (0.00 per sec.)

            Latency (ms):
                     min:                                   40.37
                     95th percentile:                      694.45
            """;
    private static final String FATAL = """
            Threads started!

            FATAL: mysql_stmt_execute() returned error 2013 (Lost connection to server during query) for query 'SELECT c FROM sbtest1 WHERE id=?'
            FATAL: mysql_stmt_execute() returned error 2013 (Lost connection to server during query) for query 'SELECT c FROM sbtest1 WHERE id=?'
            FATAL: `thread_run' function failed: /usr/share/sysbench/oltp_common.lua:419: SQL error, errno = 2013, state = 'HY000': Lost connection
            """;

    private static SysbenchResult parse(String text, int exitCode) {
        return SysbenchResult.parse("strata", "oltp_read_write",
                new SysbenchProcess.Output(exitCode, false, text, Path.of("out.txt"), 10.0));
    }

    @Test
    void readsRatesLatencyAndIgnoredErrorsFromTheReport() {
        SysbenchResult result = parse(REPORT, 0);
        assertEquals(12.61, result.transactionsPerSecond().getAsDouble());
        assertEquals(291.18, result.queriesPerSecond().getAsDouble());
        assertEquals(694.45, result.latencyP95Ms().getAsDouble());
        assertEquals(23, result.ignoredErrors());
        assertTrue(result.succeeded());
    }

    @Test
    void fatalLinesAreDistinctAndFailTheRun() {
        SysbenchResult result = parse(FATAL, 1);
        assertEquals(2, result.fatalLines().size());
        assertTrue(result.fatalLines().get(0).contains("for query 'SELECT c FROM sbtest1 WHERE id=?'"));
        assertFalse(result.succeeded());
        assertTrue(result.queriesPerSecond().isEmpty());
    }

    @Test
    void reportLinesShowRatioOrFailure() {
        SysbenchResult strata = parse(REPORT, 0);
        SysbenchResult mariadb = SysbenchResult.parse("mariadb", "oltp_read_write",
                new SysbenchProcess.Output(0, false, REPORT.replace("291.18", "582.36"), Path.of("m.txt"), 10.0));
        List<String> lines = SysbenchReport.workloadLines("oltp_read_write", Map.of("strata", strata, "mariadb", mariadb));
        assertEquals("sysbench oltp_read_write qps strata=291 mariadb=582 ratio=0.500", lines.get(0));
        assertEquals("sysbench oltp_read_write tps strata=12.61 mariadb=12.61 ratio=1.000", lines.get(1));

        List<String> failed = SysbenchReport.workloadLines("oltp_read_write", Map.of("strata", parse(FATAL, 1), "mariadb", mariadb));
        assertEquals("sysbench oltp_read_write qps strata=FAILED mariadb=582", failed.get(0));
        assertTrue(failed.get(2).startsWith("sysbench oltp_read_write strata FAILED: FATAL: mysql_stmt_execute()"));
    }

    @Test
    void rowAddingWorkloadsRunLast() {
        assertEquals(List.of("oltp_point_select", "oltp_read_write", "oltp_insert"),
                SysbenchConfig.runOrder(List.of("insert", "point_select", "oltp_read_write.lua")));
    }
}
