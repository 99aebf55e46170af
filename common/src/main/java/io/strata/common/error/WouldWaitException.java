package io.strata.common.error;

/**
 * A statement run in a mode that must not wait (on a protocol IO thread, which serves other connections
 * too) reached a wait: a row another transaction holds, a commit's log write, a log reservation. What the
 * statement had done is undone before this is thrown, so the caller runs it again where waiting is
 * allowed. Never shown to a client. Carries no stack trace: it is control flow, thrown often under contention.
 */
public final class WouldWaitException extends RuntimeException {
    public WouldWaitException(String what) {
        super(what, null, false, false);
    }
}
