package io.strata.txn.lock;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(30)
class RowLocksTest {
    final RowLocks locks = new RowLocks();
    final Object holder = "holder";
    final Object waiter = "waiter";

    static StrataException failure(CompletableFuture<?> future) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(StrataException.class, e.getCause());
    }

    @Test
    void aCancelledWaitEndsAtOnceWithQueryInterrupted() throws Exception {
        locks.lock(holder, 1, new long[] {7}, true, 0);
        long start = System.nanoTime();
        CompletableFuture<Void> wait = CompletableFuture.runAsync(() -> locks.lock(waiter, 1, new long[] {7}, true, 20_000));
        while (!wait.isDone() && !locks.isWaiting(waiter)) {
            Thread.sleep(5);
        }
        locks.cancelWait(waiter);
        assertEquals(ErrorCode.ER_QUERY_INTERRUPTED, failure(wait).code());
        assertEquals(true, System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "not the 20 s timeout");
        locks.releaseAll(holder);
        locks.lock(waiter, 1, new long[] {7}, true, 0); // nothing left behind: the row is free
    }

    @Test
    void aCancelWhileNotWaitingDoesNotCancelALaterWait() throws Exception {
        locks.cancelWait(waiter);
        locks.lock(holder, 1, new long[] {7}, true, 0);
        CompletableFuture<Void> wait = CompletableFuture.runAsync(() -> locks.lock(waiter, 1, new long[] {7}, true, 300));
        assertEquals(ErrorCode.ER_LOCK_WAIT_TIMEOUT, failure(wait).code());
    }

    @Test
    void tryLockTakesFreeRowsAndStopsAtTheFirstHeldOne() {
        locks.lock(holder, 1, new long[] {7}, true, 0);
        assertEquals(false, locks.tryLock(waiter, 1, new long[] {5, 7, 9}, true));
        assertEquals(2, locks.lockedRows(), "5 taken before 7 stopped it; 9 never tried");
        assertThrows(StrataException.class, () -> locks.lock(holder, 1, new long[] {5}, true, 0), "5 is the waiter's now");
        locks.lock(holder, 1, new long[] {9}, true, 0);
        assertEquals(true, locks.tryLock(holder, 1, new long[] {7, 9}, true), "its own rows are no obstacle");
        locks.releaseAll(holder);
        assertEquals(true, locks.tryLock(waiter, 1, new long[] {5, 7, 9}, true));
        locks.releaseAll(waiter);
        assertEquals(0, locks.lockedRows());
    }

    @Test
    void tryLockSharesAndUpgradesAsLockDoes() {
        assertEquals(true, locks.tryLock(holder, 1, new long[] {7}, false));
        assertEquals(true, locks.tryLock(waiter, 1, new long[] {7}, false), "two shared holders");
        assertEquals(false, locks.tryLock(waiter, 1, new long[] {7}, true), "no upgrade while another shares it");
        locks.releaseAll(holder);
        assertEquals(true, locks.tryLock(waiter, 1, new long[] {7}, true), "the only sharer upgrades");
        assertEquals(false, locks.tryLock(holder, 1, new long[] {7}, false));
    }
}
