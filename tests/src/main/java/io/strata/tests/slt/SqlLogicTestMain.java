package io.strata.tests.slt;

import io.strata.tests.target.ServerTarget;
import io.strata.tests.target.Targets;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs external sqllogictest files (for example SQLite's select1.test) and prints
 * {@code N passed, N failed} over all their records. The server is chosen like the suites':
 * -Dstrata.test.target=strata|mariadb|external. Arguments: .test files. Option -Dslt.maxReports=N
 * (default 20) limits the mismatch reports printed per file.
 */
public final class SqlLogicTestMain {
    private SqlLogicTestMain() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: SqlLogicTestMain FILE.test...");
            System.exit(2);
        }
        int exitCode;
        try (ServerTarget target = Targets.startNew()) {
            exitCode = runAll(target, List.of(args).stream().map(Path::of).toList()) ? 0 : 1;
        }
        System.exit(exitCode);
    }

    /** Runs every file, prints per-file and total counts; true when nothing failed. */
    public static boolean runAll(ServerTarget target, List<Path> files) {
        int maxReports = Integer.getInteger("slt.maxReports", 20);
        SltRunner runner = new SltRunner(target);
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            FileResult result = runner.run(file, file.toString(), SltRunner.databaseName(file.getFileName().toString()));
            result.failures().stream().limit(maxReports).forEach(System.out::println);
            System.out.println(file + ": " + result.passed() + " passed, " + result.failed() + " failed, "
                    + result.skipped() + " skipped");
            passed += result.passed();
            failed += result.failed();
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0;
    }
}
