package io.strata.txn.commit;

import io.strata.txn.catalog.DdlOp;

import java.util.List;
import java.util.Map;

/** What the transaction node writes into the log: whole commits and AUTO_INCREMENT reservations. */
public sealed interface LogEntry {
    /**
     * One commit, complete: catalog changes, inserted rows (Arrow IPC of the table's columns, with
     * their row ids), deleted row ids, and AUTO_INCREMENT values observed (table id -> highest used).
     */
    record Commit(long commitTs, List<DdlOp> ddl, List<TableInsert> inserts, List<TableDelete> deletes,
                  Map<Long, Long> autoIncrementUsed) implements LogEntry {
        public Commit {
            ddl = List.copyOf(ddl);
            inserts = List.copyOf(inserts);
            deletes = List.copyOf(deletes);
            autoIncrementUsed = Map.copyOf(autoIncrementUsed);
        }
    }

    /** AUTO_INCREMENT values up to {@code reservedUpTo} of the table may have been handed out. */
    record AutoIncrementReservation(long tableId, long reservedUpTo) implements LogEntry {}

    record TableInsert(long tableId, long[] rowIds, byte[] arrowIpc) {}

    record TableDelete(long tableId, long[] rowIds) {}
}
