package io.strata.txn.lock;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Row locks of the transaction node: {@code SELECT ... FOR UPDATE} / {@code FOR SHARE} and the rows an
 * UPDATE or DELETE removes. A lock is on one committed row version (table id + row id) and is held until
 * its owner commits or rolls back. A request that conflicts waits, at most its timeout (then error 1205,
 * as innodb_lock_wait_timeout), or fails at once with NOWAIT (3572); a wait that would close a cycle of
 * waiting transactions fails with 1213 (deadlock), the requester being the victim. One monitor guards
 * everything: lock traffic is small next to statement work.
 */
public final class RowLocks {
    private record RowKey(long tableId, long rowId) {}

    /** Holders of one row: one exclusive owner, or any number of shared ones. */
    private static final class Holders {
        Object exclusive;
        final Set<Object> shared = new HashSet<>(2);

        boolean admits(Object owner, boolean exclusiveRequest) {
            if (exclusive != null) {
                return exclusive == owner;
            }
            return !exclusiveRequest || shared.isEmpty() || (shared.size() == 1 && shared.contains(owner));
        }

        boolean isEmpty() {
            return exclusive == null && shared.isEmpty();
        }

        List<Object> owners() {
            List<Object> owners = new ArrayList<>(shared);
            if (exclusive != null) {
                owners.add(exclusive);
            }
            return owners;
        }
    }

    private final Map<RowKey, Holders> rows = new HashMap<>();                // guarded by this
    private final Map<Object, Set<RowKey>> heldBy = new HashMap<>();          // guarded by this
    private final Map<Object, RowKey> waitingFor = new HashMap<>();           // guarded by this
    private final Set<Object> cancelledWaits = new HashSet<>();               // guarded by this

    /**
     * Locks {@code rowIds} of {@code tableId} for {@code owner} (its transaction), waiting up to
     * {@code timeoutMillis} for each row another transaction holds; {@code timeoutMillis} 0 is NOWAIT.
     */
    public synchronized void lock(Object owner, long tableId, long[] rowIds, boolean exclusive, long timeoutMillis) {
        for (long rowId : rowIds) {
            lockOne(owner, new RowKey(tableId, rowId), exclusive, timeoutMillis);
        }
    }

    /**
     * Locks {@code rowIds} of {@code tableId} for {@code owner} in order, without waiting: stops at the
     * first row another transaction holds and returns false (the rows locked before it stay locked).
     */
    public synchronized boolean tryLock(Object owner, long tableId, long[] rowIds, boolean exclusive) {
        for (long rowId : rowIds) {
            RowKey key = new RowKey(tableId, rowId);
            Holders holders = rows.get(key);
            if (holders != null && !holders.admits(owner, exclusive)) {
                return false;
            }
            take(owner, key, holders == null ? newHolders(key) : holders, exclusive);
        }
        return true;
    }

    private Holders newHolders(RowKey key) {
        Holders holders = new Holders();
        rows.put(key, holders);
        return holders;
    }

    private void lockOne(Object owner, RowKey key, boolean exclusive, long timeoutMillis) {
        try {
            awaitAndTake(owner, key, exclusive, timeoutMillis);
        } catch (RuntimeException e) {
            cancelledWaits.remove(owner); // a cancel that came as the wait ended otherwise must not cancel a later one
            Holders holders = rows.get(key);
            if (holders != null && holders.isEmpty()) {
                rows.remove(key); // made for this request only
            }
            throw e;
        }
    }

    private void awaitAndTake(Object owner, RowKey key, boolean exclusive, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Holders holders = rows.computeIfAbsent(key, k -> new Holders());
        while (!holders.admits(owner, exclusive)) {
            if (timeoutMillis == 0) {
                throw StrataException.of(ErrorCode.ER_LOCK_NOWAIT,
                        "Statement aborted because lock(s) could not be acquired immediately and NOWAIT is set.");
            }
            if (closesCycle(owner, holders)) {
                throw StrataException.of(ErrorCode.ER_LOCK_DEADLOCK,
                        "Deadlock found when trying to get lock; try restarting transaction");
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw StrataException.of(ErrorCode.ER_LOCK_WAIT_TIMEOUT,
                        "Lock wait timeout exceeded; try restarting transaction");
            }
            waitingFor.put(owner, key);
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StrataException(ErrorCode.ER_QUERY_INTERRUPTED, "Query execution was interrupted", e);
            } finally {
                waitingFor.remove(owner);
            }
            if (cancelledWaits.remove(owner)) {
                throw new StrataException(ErrorCode.ER_QUERY_INTERRUPTED, "Query execution was interrupted");
            }
            holders = rows.computeIfAbsent(key, k -> new Holders()); // released rows leave the map
        }
        cancelledWaits.remove(owner); // admitted as the cancel came: the next wait is not cancelled
        take(owner, key, holders, exclusive);
    }

    private void take(Object owner, RowKey key, Holders holders, boolean exclusive) {
        if (exclusive) {
            holders.shared.remove(owner);
            holders.exclusive = owner;
        } else if (holders.exclusive != owner) {
            holders.shared.add(owner);
        }
        heldBy.computeIfAbsent(owner, o -> new HashSet<>()).add(key);
    }

    /**
     * Ends the wait {@code owner} is in, if any, with 1317 (query interrupted): its statement was killed
     * or its connection closed. Any thread; a request made later waits as usual.
     */
    public synchronized void cancelWait(Object owner) {
        if (waitingFor.containsKey(owner)) {
            cancelledWaits.add(owner);
            notifyAll();
        }
    }

    /** Whether {@code owner} is waiting for a row now. */
    synchronized boolean isWaiting(Object owner) {
        return waitingFor.containsKey(owner);
    }

    /** Whether {@code owner} waiting for a row {@code holders} hold would wait, through others, for itself. */
    private boolean closesCycle(Object owner, Holders holders) {
        Set<Object> visited = new HashSet<>();
        List<Object> frontier = new ArrayList<>(holders.owners());
        frontier.remove(owner); // its own shared lock, being upgraded, is no wait
        while (!frontier.isEmpty()) {
            Object next = frontier.remove(frontier.size() - 1);
            if (next == owner) {
                return true;
            }
            if (!visited.add(next)) {
                continue;
            }
            RowKey awaited = waitingFor.get(next);
            Holders blocking = awaited == null ? null : rows.get(awaited);
            if (blocking != null) {
                frontier.addAll(blocking.owners());
            }
        }
        return false;
    }

    /** Releases every lock {@code owner} holds (at its commit or rollback) and wakes the waiters. */
    public synchronized void releaseAll(Object owner) {
        Set<RowKey> held = heldBy.remove(owner);
        if (held == null) {
            return;
        }
        for (RowKey key : held) {
            Holders holders = rows.get(key);
            if (holders != null) {
                if (holders.exclusive == owner) {
                    holders.exclusive = null;
                }
                holders.shared.remove(owner);
                if (holders.isEmpty()) {
                    rows.remove(key);
                }
            }
        }
        notifyAll();
    }

    /** Rows currently locked (for tests and diagnostics). */
    public synchronized int lockedRows() {
        return rows.size();
    }
}
