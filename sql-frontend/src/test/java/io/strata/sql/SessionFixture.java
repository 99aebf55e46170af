package io.strata.sql;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import io.strata.common.session.StatementResults;
import io.strata.storage.LocalDirObjectStore;
import io.strata.txn.TransactionNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A real transaction node in a temporary directory, a session factory over it and helpers to run SQL. */
abstract class SessionFixture {
    @TempDir
    Path dir;

    BufferAllocator allocator;
    TransactionNode node;
    SqlSessionFactory factory;
    Session session;

    @BeforeEach
    void start() {
        allocator = new RootAllocator();
        node = TransactionNode.open(new LocalDirObjectStore(dir.resolve("objects")), dir.resolve("log"),
                StrataConfig.defaults(), allocator);
        factory = new SqlSessionFactory(node, allocator, StrataConfig.defaults());
        session = factory.open("root", null, 1);
    }

    @AfterEach
    void stop() {
        session.close();
        node.close();
        allocator.close(); // fails the test if a batch leaked
    }

    StatementResult one(Session s, String sql) {
        try (StatementResults results = s.execute(sql, false)) {
            return results.next();
        }
    }

    List<List<Object>> rows(Session s, String sql) {
        try (StatementResult result = one(s, sql)) {
            StatementResult.Rows rows = (StatementResult.Rows) result;
            List<List<Object>> out = new ArrayList<>();
            while (rows.rows().hasNext()) {
                out.add(new ArrayList<>(Arrays.asList(rows.rows().next())));
            }
            return out;
        }
    }

    List<List<Object>> rows(String sql) {
        return rows(session, sql);
    }

    StatementResult.Ok ok(String sql) {
        return (StatementResult.Ok) one(session, sql);
    }

    ErrorCode error(String sql) {
        return assertThrows(StrataException.class, () -> {
            try (StatementResult result = one(session, sql)) {
                if (result instanceof StatementResult.Rows r) {
                    while (r.rows().hasNext()) {
                        r.rows().next();
                    }
                }
            }
        }).code();
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
