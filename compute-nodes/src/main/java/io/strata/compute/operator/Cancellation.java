package io.strata.compute.operator;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

/** The check operators make between batches so that KILL QUERY stops a running statement. */
final class Cancellation {
    private Cancellation() {}

    static void check(ExecutionContext context) {
        if (context.cancelled().get()) {
            throw new StrataException(ErrorCode.ER_QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }
}
