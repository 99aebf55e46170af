package io.strata.txn;

/**
 * The transaction node as a compute node sees it: begin transactions. Opened by
 * {@code TransactionNode.open(...)} which recovers the last checkpoint and replays the log.
 */
public interface TxnService extends AutoCloseable {
    /** Begins a transaction whose snapshot is the latest commit. */
    Transaction begin();

    /** Counters for SHOW STATUS (name -> value), e.g. blocks read and pruned, cache hits; empty if none. */
    default java.util.Map<String, Long> statistics() {
        return java.util.Map.of();
    }

    /** Stops background work (flush) and closes the log; committed data stays durable. */
    @Override
    void close();
}
