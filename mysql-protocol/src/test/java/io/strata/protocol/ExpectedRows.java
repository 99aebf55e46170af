package io.strata.protocol;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The rows of test.all_types as MySQL's text formats print them; binary columns in hex. */
final class ExpectedRows {
    private ExpectedRows() {}

    static final List<String> ROW_1 = List.of("1", "1", "-5", "300", "70000", "9000000000", "12.34", "1.5", "1.5",
            "héllo", "abc", "long text", "0x010203", "0x00ff", "2024-02-29", "12:34:56", "2024-02-29 12:34:56",
            "2024-02-29 12:34:56.123456", "2024-01-01 00:00:00", "{\"a\": 1}", "[1, 2.5, 3]", "[0.1, -2]");

    static final List<String> ROW_2 = java.util.stream.Stream.concat(java.util.stream.Stream.of("2"),
            java.util.Collections.nCopies(21, "NULL").stream()).toList();

    static final List<String> ROW_3 = List.of("3", "0", "127", "-32768", "-2147483648", "-9223372036854775808",
            "-0.50", "0.1", "1e20", "", "x", "", "0x", "0x41", "1970-01-01", "00:00:00", "1999-12-31 23:59:59",
            "2000-01-01 00:00:00.000001", "2038-01-19 03:14:07", "[]", "[-0.5, 0, 1e-7]", "[123456.789, 2]");

    /** JDBC drivers parse DOUBLE text and print it back in Java's form. */
    static List<String> jdbc(List<String> row) {
        return row.stream().map(value -> value.equals("1e20") ? "1.0E20" : value).toList();
    }

    /** Binary columns (VARBINARY, BLOB) of all_types, 1-based. */
    static boolean isBinaryColumn(int column) {
        return column == 13 || column == 14;
    }

    /** Reads the current row as strings, NULL as "NULL" and binary columns as 0x-hex. */
    static List<String> read(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            if (isBinaryColumn(i)) {
                byte[] bytes = rows.getBytes(i);
                values.add(bytes == null ? "NULL" : "0x" + HexFormat.of().formatHex(bytes));
            } else {
                String text = rows.getString(i);
                values.add(text == null ? "NULL" : text);
            }
        }
        return values;
    }
}
