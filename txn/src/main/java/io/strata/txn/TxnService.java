package io.strata.txn;

/**
 * The transaction node as a compute node sees it: begin transactions. Opened by
 * {@code TransactionNode.open(...)} which recovers the last checkpoint and replays the log.
 */
public interface TxnService extends AutoCloseable {
    /** Begins a transaction whose snapshot is the latest commit. */
    Transaction begin();

    /** Stops background work (flush) and closes the log; committed data stays durable. */
    @Override
    void close();
}
