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
import static org.junit.jupiter.api.Assertions.assertTrue;
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
    /** Strata only: a session running every pipeline on two parallel workers, whatever the table size. */
    private static Connection parallel;
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
        if (database.target().name().equals("strata")) {
            parallel = database.target().connect("tpch", TpchLoader.CONNECTOR_J_OPTIONS);
            try (Statement statement = parallel.createStatement()) {
                statement.execute("SET strata_parallel_workers = 2, strata_parallel_min_rows = 0");
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (server != null) {
            server.close();
        }
        if (parallel != null) {
            parallel.close();
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
        assertSameAnswer(query, server);
    }

    /** The same answers with the scans split between parallel workers (Strata's gathers; not on other targets). */
    @ParameterizedTest(name = "{0} in parallel")
    @MethodSource("queries")
    void answersAsDuckDbDoesInParallel(TpchQuery query) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(parallel != null, "parallel workers are Strata's");
        try (Statement statement = parallel.createStatement();
             java.sql.ResultSet plan = statement.executeQuery("EXPLAIN " + query.sql())) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString(1)).append('\n');
            }
            // Every TPC-H query aggregates or sorts the rows of a pipeline.
            assertTrue(text.toString().contains("Gather: 2 workers"), query + " runs serially:\n" + text);
        }
        assertSameAnswer(query, parallel);
    }

    private static void assertSameAnswer(TpchQuery query, Connection connection) throws Exception {
        QueryResult expected;
        try (Statement statement = duckDb.createStatement()) {
            expected = QueryResult.run(statement, query.sql());
        }
        assertFalse(expected.rows().isEmpty(), query + " selects nothing at this scale: the check would be empty");
        QueryResult actual;
        try (Statement statement = connection.createStatement()) {
            actual = QueryResult.run(statement, query.sql());
        }
        Optional<String> difference = ResultComparison.difference(expected, actual, query.orderedColumns());
        if (difference.isPresent()) {
            fail(query + ": " + difference.get() + "\n" + query.sql());
        }
    }
}
