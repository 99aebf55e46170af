package io.strata.tests;

import io.strata.tests.slt.FileResult;
import io.strata.tests.slt.SltRunner;
import io.strata.tests.target.Targets;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code tests/sql/**}{@code /*.test} file as one dynamic test, run by {@link SltRunner} on the
 * shared server. -Dslt.filter=TEXT runs only the files whose path contains TEXT.
 */
class SqlLogicTest {
    @TestFactory
    Stream<DynamicTest> sqlFiles() throws IOException {
        Path root = Path.of(System.getProperty("strata.sql.dir", "sql")).toAbsolutePath();
        String filter = System.getProperty("slt.filter", "");
        List<Path> files;
        try (Stream<Path> paths = Files.walk(root)) {
            files = paths.filter(path -> path.toString().endsWith(".test"))
                    .filter(path -> path.toString().contains(filter)).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no .test files under " + root + " matching '" + filter + "'");
        return files.stream().map(file -> {
            String name = root.relativize(file).toString();
            return DynamicTest.dynamicTest(name, file.toUri(), () -> {
                FileResult result = new SltRunner(Targets.shared()).run(file, name);
                if (!result.ok()) {
                    fail(result.failed() + " of " + (result.passed() + result.failed()) + " records failed on "
                            + Targets.targetName() + ":\n" + String.join("\n\n", result.failures()));
                }
            });
        });
    }
}
