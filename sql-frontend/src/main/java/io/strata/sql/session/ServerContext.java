package io.strata.sql.session;

import io.strata.common.session.Session;
import io.strata.sql.plan.SharedPlans;
import io.strata.txn.TxnService;
import org.apache.arrow.memory.BufferAllocator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What all sessions of a server share: the transaction service, the allocator, the GLOBAL variables
 * a counter bumped by every DDL (cached prepared plans older than it are planned again), the open
 * sessions by connection id (for KILL), the counters of commands run without waiting, the plans
 * prepared statements share ({@link SharedPlans}) and the directory statements spill to.
 */
public record ServerContext(TxnService txnService, BufferAllocator allocator, SystemVariables globals, AtomicLong ddlEpoch,
                            ConcurrentMap<Long, Session> sessions, NoWaitCounters noWait, SharedPlans sharedPlans,
                            Path spillDirectory) {
    public ServerContext {
        Objects.requireNonNull(spillDirectory, "spillDirectory");
        Objects.requireNonNull(sharedPlans, "sharedPlans");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(txnService, "txnService");
        Objects.requireNonNull(allocator, "allocator");
        Objects.requireNonNull(globals, "globals");
        Objects.requireNonNull(ddlEpoch, "ddlEpoch");
        Objects.requireNonNull(noWait, "noWait");
    }
}
