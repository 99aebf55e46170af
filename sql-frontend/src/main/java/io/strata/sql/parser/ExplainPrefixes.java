package io.strata.sql.parser;

import io.strata.sql.parser.SqlWords.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds MySQL's {@code EXPLAIN [ANALYZE] [FORMAT = name] query} (also spelled DESCRIBE or DESC) at the
 * start of statements, which Calcite's grammar has only as {@code EXPLAIN PLAN FOR}, and blanks the prefix
 * out so that the query parses alone; blanking keeps every offset, so error positions stay right.
 * {@code EXPLAIN table} becomes {@code DESC table}. Anything else (EXPLAIN PLAN FOR) is left to the parser.
 */
final class ExplainPrefixes {
    /** What one statement's prefix asked for; {@code format} is upper-case, null when not given. */
    record Explain(boolean analyze, String format) {}

    /** The text with the prefixes blanked, and per top-level statement its prefix (null for none). */
    record Stripped(String text, List<Explain> explains) {
        boolean any() {
            return explains.stream().anyMatch(java.util.Objects::nonNull);
        }
    }

    private static final Set<String> EXPLAIN_WORDS = Set.of("EXPLAIN", "DESCRIBE", "DESC");
    /** Words a statement EXPLAIN can explain starts with (INSERT, UPDATE, DELETE, REPLACE: refused after parsing). */
    private static final Set<String> STATEMENT_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "(",
            "INSERT", "UPDATE", "DELETE", "REPLACE");

    private ExplainPrefixes() {}

    /** Finds and blanks the prefixes of {@code text}, whose {@link SqlWords} are {@code words}. */
    static Stripped strip(String text, List<Word> words) {
        char[] chars = text.toCharArray();
        List<Explain> explains = new ArrayList<>();
        for (List<Word> statement : SqlWords.statements(words)) {
            explains.add(startOfStatement(statement, chars));
        }
        return new Stripped(new String(chars), explains);
    }

    /** The prefix starting {@code words} (blanked in {@code chars}), or null. */
    private static Explain startOfStatement(List<Word> words, char[] chars) {
        if (words.isEmpty() || !EXPLAIN_WORDS.contains(words.get(0).upper())) {
            return null;
        }
        int next = 1;
        boolean analyze = next < words.size() && words.get(next).upper().equals("ANALYZE");
        if (analyze) {
            next++;
        }
        String format = null;
        if (next + 2 < words.size() && words.get(next).upper().equals("FORMAT") && words.get(next + 1).upper().equals("=")) {
            format = words.get(next + 2).upper();
            if (format.isEmpty()) { // a quoted name
                format = new String(chars, words.get(next + 2).start() + 1,
                        words.get(next + 2).end() - words.get(next + 2).start() - 2).toUpperCase(java.util.Locale.ROOT);
            }
            next += 3;
        }
        if (next < words.size() && STATEMENT_STARTS.contains(words.get(next).upper())) {
            SqlWords.blank(chars, words.get(0).start(), words.get(next).start());
            return new Explain(analyze, format);
        }
        if (!analyze && format == null && words.get(0).upper().equals("EXPLAIN") && isTableName(words.subList(1, words.size()))) {
            "DESC   ".getChars(0, 7, chars, words.get(0).start()); // EXPLAIN t is DESCRIBE t
        }
        return null;
    }

    /** Whether {@code words} are a (possibly qualified) table name: name, or name . name. */
    private static boolean isTableName(List<Word> words) {
        if (words.size() != 1 && words.size() != 3) {
            return false;
        }
        return isName(words.get(0)) && (words.size() == 1 || words.get(1).upper().equals(".") && isName(words.get(2)));
    }

    private static boolean isName(Word word) {
        return word.upper().isEmpty() || Character.isLetter(word.upper().charAt(0)) || word.upper().charAt(0) == '_';
    }
}
