package io.strata.sql.parser;

import io.strata.sql.parser.SqlWords.Word;
import io.strata.sql.plan.UnsupportedFeature;

import java.util.List;
import java.util.Set;

/**
 * MySQL's {@code NTH_VALUE(expr, n) FROM FIRST}, which Calcite's grammar lacks: FROM FIRST is what NTH_VALUE
 * does anyway, so it is blanked out before Calcite parses (positions kept); {@code FROM LAST}, which MySQL
 * parses and refuses, is refused the same way (1235). Only a FROM FIRST|LAST right after a closing parenthesis
 * and before {@code RESPECT}, {@code IGNORE} or {@code OVER} is touched: no FROM clause reads like that.
 */
final class NthValueFromFirst {
    private static final Set<String> NEXT = Set.of("RESPECT", "IGNORE", "OVER");

    private NthValueFromFirst() {}

    /** {@code text} with each such FROM FIRST blanked; {@code words} are its {@link SqlWords}. */
    static String blank(String text, List<Word> words) {
        char[] chars = null;
        for (int i = 1; i + 2 < words.size(); i++) {
            if (!words.get(i).upper().equals("FROM") || !words.get(i - 1).upper().equals(")")
                    || !NEXT.contains(words.get(i + 2).upper())) {
                continue;
            }
            String which = words.get(i + 1).upper();
            if (which.equals("LAST")) {
                throw UnsupportedFeature.of("FROM LAST");
            }
            if (which.equals("FIRST")) {
                chars = chars == null ? text.toCharArray() : chars;
                SqlWords.blank(chars, words.get(i).start(), words.get(i + 1).end());
            }
        }
        return chars == null ? text : new String(chars);
    }
}
