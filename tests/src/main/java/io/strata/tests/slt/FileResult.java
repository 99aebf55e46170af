package io.strata.tests.slt;

import java.util.List;

/** The outcome of one .test file: records passed, failed and skipped, and a report per failure. */
public record FileResult(String file, int passed, int failed, int skipped, List<String> failures) {
    public FileResult {
        failures = List.copyOf(failures);
        assert failures.size() == failed : "one report per failed record";
    }

    public boolean ok() {
        return failed == 0;
    }
}
