package io.strata.tests.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's rows with values put in comparable form: exact numbers (integers, decimals) as
 * BigDecimal, approximate ones (FLOAT, DOUBLE) as Double, dates and times as their ISO text, text as
 * String, NULL as null.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
    /** Runs {@code sql} on {@code statement} and reads all of its rows. */
    public static QueryResult run(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(comparable(result.getObject(i)));
                }
                rows.add(row);
            }
            return new QueryResult(List.copyOf(columns), rows);
        }
    }

    static Object comparable(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Double d -> d;
            case Float f -> f.doubleValue();
            case String s -> s;
            default -> value.toString();
        };
    }
}
