package io.strata.sql.parser;

import io.strata.sql.parser.SqlWords.Word;

import java.util.List;
import java.util.Set;

/**
 * MySQL's execution hints right after SELECT ({@code SQL_NO_CACHE}, which mysqldump sends as
 * {@code SELECT /*!40001 SQL_NO_CACHE *}{@code / ...}, {@code SQL_CACHE}, {@code HIGH_PRIORITY},
 * {@code SQL_BUFFER_RESULT}, {@code SQL_SMALL_RESULT}, {@code SQL_BIG_RESULT}) change no result, so they are
 * blanked out before Calcite parses (positions kept). Such a word followed by {@code FROM}, a comma, a
 * {@code ;} or the end is a column of that name and stays.
 */
final class SelectModifiers {
    private static final Set<String> HINTS = Set.of("SQL_NO_CACHE", "SQL_CACHE", "HIGH_PRIORITY", "SQL_BUFFER_RESULT",
            "SQL_SMALL_RESULT", "SQL_BIG_RESULT");

    private SelectModifiers() {}

    /** {@code text} with the hints blanked; {@code words} are its {@link SqlWords}. */
    static String blank(String text, List<Word> words) {
        char[] chars = null;
        boolean afterSelect = false; // the previous word is SELECT or a hint that follows it
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (afterSelect && HINTS.contains(word.upper()) && followedByItem(words, i + 1)) {
                chars = chars == null ? text.toCharArray() : chars;
                SqlWords.blank(chars, word.start(), word.end());
                continue;
            }
            afterSelect = word.upper().equals("SELECT");
        }
        return chars == null ? text : new String(chars);
    }

    /** Whether the word at {@code next} starts a select item: not the end, a comma, a semicolon or FROM. */
    private static boolean followedByItem(List<Word> words, int next) {
        if (next >= words.size()) {
            return false;
        }
        String upper = words.get(next).upper();
        return !upper.equals(",") && !upper.equals(";") && !upper.equals("FROM");
    }
}
