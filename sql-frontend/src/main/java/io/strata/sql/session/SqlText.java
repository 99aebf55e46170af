package io.strata.sql.session;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/** The text of a statement, to cut out what a parser position covers (MySQL names columns after it). */
public final class SqlText {
    private final String sql;
    private final List<Integer> lineStarts = new ArrayList<>();

    public SqlText(String sql) {
        this.sql = sql;
        lineStarts.add(0);
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    /** The text from {@code pos}'s start to its end (inclusive), or null for a synthetic position. */
    public String slice(SqlParserPos pos) {
        if (pos == null || pos.getLineNum() <= 0 || pos.getEndLineNum() <= 0) {
            return null;
        }
        int start = offset(pos.getLineNum(), pos.getColumnNum());
        int end = offset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        if (start < 0 || end > sql.length() || start >= end) {
            return null;
        }
        return sql.substring(start, end);
    }

    /** Whether the text holds {@code c} anywhere. */
    public boolean contains(char c) {
        return sql.indexOf(c) >= 0;
    }

    /**
     * The text with what each of {@code positions} covers replaced by {@code replacement}, or null if a
     * position is synthetic or two overlap.
     */
    public String replace(List<SqlParserPos> positions, String replacement) {
        List<int[]> spans = new ArrayList<>(positions.size());
        for (SqlParserPos pos : positions) {
            if (slice(pos) == null) {
                return null;
            }
            spans.add(new int[] {offset(pos.getLineNum(), pos.getColumnNum()), offset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1});
        }
        spans.sort(java.util.Comparator.comparingInt(span -> span[0]));
        StringBuilder out = new StringBuilder(sql.length());
        int done = 0;
        for (int[] span : spans) {
            if (span[0] < done) {
                return null;
            }
            out.append(sql, done, span[0]).append(replacement);
            done = span[1];
        }
        return out.append(sql, done, sql.length()).toString();
    }

    private int offset(int line, int column) {
        if (line > lineStarts.size()) {
            return -1;
        }
        return lineStarts.get(line - 1) + column - 1;
    }
}
