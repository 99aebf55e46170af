package io.strata.tests;

import io.strata.tests.tpch.QueryResult;
import io.strata.tests.tpch.ResultComparison;
import io.strata.tests.tpch.TpchLoader;
import io.strata.tests.tpch.TpchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TPC-H at scale factor 0.01: the same generated data loaded into the server under test (over the
 * MySQL protocol) and into an in-process DuckDB; each of the 22 queries must give DuckDB's answer
 * (see {@link ResultComparison} for what "the same" means for decimals, doubles and order).
 */
class TpchTest {
    private static final double SCALE_FACTOR = 0.01;

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase("tpch");

    private static Connection server;
    private static Connection duckDb;

    @BeforeAll
    static void loadBoth() throws Exception {
        server = database.target().connect("tpch", TpchLoader.CONNECTOR_J_OPTIONS);
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        long serverRows = TpchLoader.loadOverMysqlProtocol(server, SCALE_FACTOR);
        long duckDbRows = TpchLoader.loadIntoDuckDb(duckDb, SCALE_FACTOR);
        // dbgen's row total at SF 0.01: 5 + 25 + 100 + 1,500 + 2,000 + 8,000 + 15,000 + 60,175.
        assertEquals(86_805, duckDbRows, "rows generated");
        assertEquals(duckDbRows, serverRows, "rows the server holds after loading");
    }

    @AfterAll
    static void close() throws Exception {
        if (server != null) {
            server.close();
        }
        if (duckDb != null) {
            duckDb.close();
        }
    }

    static List<TpchQuery> queries() {
        return TpchQuery.all(SCALE_FACTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersAsDuckDbDoes(TpchQuery query) throws Exception {
        QueryResult expected;
        try (Statement statement = duckDb.createStatement()) {
            expected = QueryResult.run(statement, query.sql());
        }
        assertFalse(expected.rows().isEmpty(), query + " selects nothing at this scale: the check would be empty");
        QueryResult actual;
        try (Statement statement = server.createStatement()) {
            actual = QueryResult.run(statement, query.sql());
        }
        Optional<String> difference = ResultComparison.difference(expected, actual, query.orderedColumns());
        if (difference.isPresent()) {
            fail(query + ": " + difference.get() + "\n" + query.sql());
        }
    }
}
