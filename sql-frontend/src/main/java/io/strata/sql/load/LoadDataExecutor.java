package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ClientFiles;
import io.strata.common.session.StatementResult;
import io.strata.sql.exec.StatementContext;
import io.strata.sql.exec.TableNames;
import io.strata.sql.parser.ast.SqlLoadData;
import io.strata.sql.session.SessionState;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * LOAD DATA [LOCAL] INFILE: streams the file (from the client or the server's disk) through a
 * {@link DelimitedRowReader} into batches of {@link LoadBatchBuilder#BATCH_ROWS} rows, each converted a
 * column at a time and handed to the statement's transaction the way INSERT hands its batch: the file is
 * never held whole, and the statement is atomic (its transaction, or its savepoint in an open one).
 * Answers MySQL's "Records: n  Deleted: n  Skipped: n  Warnings: n".
 */
public final class LoadDataExecutor {
    private LoadDataExecutor() {}

    public static StatementResult.Ok execute(SqlLoadData load, StatementContext context, ClientFiles clientFiles) {
        SessionState session = context.session();
        ClientFiles client = load.local() ? LoadSource.checkLocalAllowed(clientFiles, session.globals()) : null;
        TableDefinition table = TableNames.definition(context, load.table());
        LoadFormat format = LoadFormat.of(load.format(), load.characterSet());
        LoadColumnSources sources = LoadColumnSources.of(table, load.targets(), load.assignments());
        LoadAssignments assignments = LoadAssignments.plan(load.assignments(), sources.targets(), context);
        // LOCAL: the server cannot stop the client's stream, so problems become warnings and duplicates are skipped.
        LoadConditions conditions = new LoadConditions(strictMode(session) && !load.local()
                && load.duplicates() != SqlLoadData.Duplicates.IGNORE, session);
        SqlLoadData.Duplicates duplicates = load.local() && load.duplicates() == SqlLoadData.Duplicates.ERROR
                ? SqlLoadData.Duplicates.IGNORE : load.duplicates();
        LoadBatchBuilder batches = new LoadBatchBuilder(table, sources, assignments, conditions, format.charset(), context);
        DuplicateKeyInserter inserter = new DuplicateKeyInserter(context.transaction(), table, duplicates, conditions);
        long records;
        try (InputStream in = client != null ? client.open(load.fileName())
                : LoadSource.openServerFile(load.fileName(), session.globals())) {
            records = load(new DelimitedRowReader(in, format), load.ignoreLines(), batches, inserter, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long warnings = session.warningCount();
        String info = String.format(Locale.ROOT, "Records: %d  Deleted: %d  Skipped: %d  Warnings: %d",
                records, inserter.deleted(), inserter.skipped(), warnings);
        return new StatementResult.Ok(inserter.inserted() + inserter.deleted(), 0, (int) Math.min(warnings, 0xFFFF), info);
    }

    /** Reads every row after the first {@code ignoreLines} into the table; returns how many were read. */
    private static long load(DelimitedRowReader reader, long ignoreLines, LoadBatchBuilder batches,
                             DuplicateKeyInserter inserter, StatementContext context) {
        FieldRow row = new FieldRow();
        for (long skipped = 0; skipped < ignoreLines && reader.next(row); skipped++) {
            checkCancelled(context);
        }
        long records = 0;
        while (reader.next(row)) {
            records++;
            batches.add(row, records);
            if (batches.isFull()) {
                checkCancelled(context);
                insert(batches, inserter, context);
            }
        }
        if (!batches.isEmpty()) {
            insert(batches, inserter, context);
        }
        return records;
    }

    private static void insert(LoadBatchBuilder batches, DuplicateKeyInserter inserter, StatementContext context) {
        try (VectorSchemaRoot batch = batches.build(context)) {
            inserter.insert(batch);
        }
    }

    private static void checkCancelled(StatementContext context) {
        if (context.cancelled().get()) {
            throw new StrataException(ErrorCode.ER_QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    private static boolean strictMode(SessionState session) {
        Object mode = session.variables().get("sql_mode");
        String modes = mode == null ? "" : mode.toString().toUpperCase(Locale.ROOT);
        return modes.contains("STRICT_TRANS_TABLES") || modes.contains("STRICT_ALL_TABLES");
    }
}
