package io.strata.bench;

import io.strata.bench.sysbench.SysbenchBench;
import io.strata.bench.tpch.TpchBench;

/**
 * {@code ./strata bench <workload> [name=value]...}: {@code point-select} (a JDBC point-select
 * loop, Strata in-process against MariaDB) or {@code sysbench} (Debian's sysbench OLTP workloads
 * against Strata as its own process and MariaDB) or {@code tpch} (the 22 TPC-H queries, Strata as its own
 * process against an in-process DuckDB). Each {@code name=value} becomes the system
 * property {@code bench.name}; see bench/README.md for the knobs of each workload.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String workload = args.length == 0 ? "point-select" : args[0];
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals <= 0) {
                System.err.println("strata bench: options are name=value (see bench/README.md): " + args[i]);
                System.exit(2);
            }
            System.setProperty("bench." + args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        switch (workload) {
            case "point-select" -> PointSelectBench.run();
            case "sysbench" -> System.exit(SysbenchBench.run());
            case "tpch" -> System.exit(TpchBench.run());
            default -> {
                System.err.println("strata bench: unknown workload '" + workload + "' (known: point-select, sysbench, tpch)");
                System.exit(2);
            }
        }
    }
}
