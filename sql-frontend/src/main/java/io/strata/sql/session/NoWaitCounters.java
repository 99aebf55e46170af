package io.strata.sql.session;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often commands ran in the mode that must not wait (the protocol's IO thread), and how often one of
 * them reached a wait and was sent back to run again where it may: SHOW STATUS shows both.
 */
public final class NoWaitCounters {
    private final LongAdder runs = new LongAdder();
    private final LongAdder deferred = new LongAdder();

    void ran() {
        runs.increment();
    }

    void deferred() {
        deferred.increment();
    }

    List<Object[]> statusRows() {
        return List.of(new Object[] {"Strata_no_wait_commands", String.valueOf(runs.sum())},
                new Object[] {"Strata_no_wait_commands_deferred", String.valueOf(deferred.sum())});
    }
}
