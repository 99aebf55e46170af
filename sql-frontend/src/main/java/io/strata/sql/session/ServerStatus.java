package io.strata.sql.session;

import io.strata.compute.operator.QueryMemory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of SHOW [GLOBAL] STATUS: connection and uptime figures, the spill and query memory counters, then the
 * storage counters.
 */
final class ServerStatus {
    private ServerStatus() {}

    static List<Object[]> rows(ServerContext server) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"Ssl_cipher", ""});
        rows.add(new Object[] {"Threads_connected", String.valueOf(server.sessions().size())});
        rows.add(new Object[] {"Uptime", String.valueOf(ManagementFactory.getRuntimeMXBean().getUptime() / 1000)});
        rows.addAll(server.noWait().statusRows());
        rows.add(new Object[] {"Strata_shared_plan_hits", String.valueOf(server.sharedPlans().hits())});
        rows.add(new Object[] {"Strata_shared_plan_misses", String.valueOf(server.sharedPlans().misses())});
        rows.add(new Object[] {"Strata_spill_files_created", String.valueOf(QueryMemory.spillFilesCreated())});
        rows.add(new Object[] {"Strata_spill_files_open", String.valueOf(QueryMemory.spillFilesOpen())});
        rows.add(new Object[] {"Strata_query_heap_bytes", String.valueOf(QueryMemory.heapBytesReserved())});
        for (Map.Entry<String, Long> counter : server.txnService().statistics().entrySet()) {
            rows.add(new Object[] {counter.getKey(), String.valueOf(counter.getValue())});
        }
        return rows;
    }
}
