package io.strata.sql.plan;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlRankFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;

import java.util.List;

/**
 * MySQL's rank functions, which take a window without ORDER BY: every row of the partition is then a peer
 * of every other (RANK and DENSE_RANK are 1, PERCENT_RANK 0, CUME_DIST 1). Calcite's require an ORDER BY
 * (SQL's rule), so these take their place ({@link StandardOperators} leaves Calcite's out).
 */
final class MysqlWindowFunctions {
    static final List<SqlOperator> RANKS = List.of(
            new SqlRankFunction(SqlKind.RANK, ReturnTypes.RANK, false),
            new SqlRankFunction(SqlKind.DENSE_RANK, ReturnTypes.RANK, false),
            new SqlRankFunction(SqlKind.PERCENT_RANK, ReturnTypes.FRACTIONAL_RANK, false),
            new SqlRankFunction(SqlKind.CUME_DIST, ReturnTypes.FRACTIONAL_RANK, false));

    /** Calcite's operators that {@link #RANKS} replace. */
    static final List<SqlOperator> REPLACED = List.of(SqlStdOperatorTable.RANK, SqlStdOperatorTable.DENSE_RANK,
            SqlStdOperatorTable.PERCENT_RANK, SqlStdOperatorTable.CUME_DIST);

    private MysqlWindowFunctions() {}
}
