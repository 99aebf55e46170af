package io.strata.sql.parser;

import java.util.Locale;
import java.util.Set;

/**
 * MySQL's execution hints right after SELECT ({@code SQL_NO_CACHE}, which mysqldump sends as
 * {@code SELECT /*!40001 SQL_NO_CACHE *}{@code / ...}, {@code SQL_CACHE}, {@code HIGH_PRIORITY},
 * {@code SQL_BUFFER_RESULT}, {@code SQL_SMALL_RESULT}, {@code SQL_BIG_RESULT}) change no result, so they are
 * blanked out before Calcite parses (positions kept). Such a word followed by {@code FROM}, a comma or
 * the end is a column of that name and stays.
 */
final class SelectModifiers {
    private static final Set<String> HINTS = Set.of("SQL_NO_CACHE", "SQL_CACHE", "HIGH_PRIORITY", "SQL_BUFFER_RESULT",
            "SQL_SMALL_RESULT", "SQL_BIG_RESULT");

    private SelectModifiers() {}

    static String blank(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        if (HINTS.stream().noneMatch(upper::contains)) {
            return sql;
        }
        char[] text = sql.toCharArray();
        String previous = "";
        int i = 0;
        while (i < text.length) {
            char c = text[i];
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, c);
                previous = "";
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length && (Character.isLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$')) {
                    i++;
                }
                String word = upper.substring(start, i);
                if (HINTS.contains(word) && (previous.equals("SELECT") || HINTS.contains(previous)) && followedByItem(upper, i)) {
                    java.util.Arrays.fill(text, start, i, ' ');
                    continue; // previous stays: further hints may follow
                }
                previous = word;
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = String.valueOf(c);
                }
                i++;
            }
        }
        return new String(text);
    }

    /** Whether a select item follows position {@code from}: not the end, a comma or FROM. */
    private static boolean followedByItem(String upper, int from) {
        String rest = upper.substring(from).stripLeading();
        return !rest.isEmpty() && !rest.startsWith(",") && !rest.startsWith(";")
                && !(rest.startsWith("FROM") && (rest.length() == 4 || !Character.isLetterOrDigit(rest.charAt(4))));
    }

    private static int skipQuoted(char[] text, int open, char quote) {
        int i = open + 1;
        while (i < text.length) {
            if (text[i] == '\\' && quote != '`') {
                i += 2;
            } else if (text[i] == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
