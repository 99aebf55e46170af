package io.strata.tests;

import io.strata.tests.slt.SqlLogicTestMain;
import io.strata.tests.target.Targets;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runner mode for files from elsewhere (SQLite's sqllogictest): -Dslt.external=a.test,b.test prints
 * {@code N passed, N failed}. Failures there are reported, not fatal (passing them is later work);
 * without the property this test is skipped.
 */
class ExternalSqlLogicTest {
    @Test
    void runsExternalFilesAndPrintsCounts() {
        String property = System.getProperty("slt.external", "");
        assumeTrue(!property.isBlank(), "set -Dslt.external=FILE.test,... to run external sqllogictest files");
        List<Path> files = Arrays.stream(property.split(",")).map(String::trim).map(Path::of).toList();
        files.forEach(file -> assertTrue(Files.isRegularFile(file), "no such file: " + file));
        SqlLogicTestMain.runAll(Targets.shared(), files);
    }
}
