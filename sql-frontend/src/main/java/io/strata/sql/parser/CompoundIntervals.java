package io.strata.sql.parser;

import io.strata.compute.expression.IntervalUnit;
import io.strata.sql.parser.SqlWords.Word;
import io.strata.sql.plan.MysqlIntervals;

import java.util.List;
import java.util.Set;

/**
 * MySQL's {@code INTERVAL expr unit} with a unit Calcite's grammar lacks (YEAR_MONTH, DAY_HOUR ...
 * SECOND_MICROSECOND, MICROSECOND), rewritten before Calcite parses into a call of
 * {@link MysqlIntervals#FUNCTION} with the unit's number: {@code INTERVAL '1:30' HOUR_MINUTE} becomes
 * {@code INTERVL( '1:30'        ,4)}. The text keeps its length and every other character its place
 * (column names are cut from the text by position), and the call spans what the interval did. The expression is what lies between
 * INTERVAL and the unit at the same parenthesis depth; MySQL's INTERVAL(n, n1, ...) function has no unit
 * after it and is left alone, as are the units Calcite knows.
 */
final class CompoundIntervals {
    /** Calcite's own units, and words that end an expression: the scan for a unit stops at them. */
    private static final Set<String> STOPS = Set.of("INTERVAL", "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR",
            "MINUTE", "SECOND", ",", ";", "FROM", "WHERE", "AND", "OR", "THEN", "ELSE", "WHEN", "END", "AS");

    private CompoundIntervals() {}

    /** Whether {@code text} may hold such an interval (the rewrite scans its words only then). */
    static boolean mayContain(String text) {
        return containsIgnoreCase(text, "INTERVAL");
    }

    /** {@code text} with each such interval rewritten; {@code words} are its {@link SqlWords}. */
    static String rewrite(String text, List<Word> words) {
        char[] chars = null;
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).upper().equals("INTERVAL")) {
                continue;
            }
            int unitIndex = unitAfter(words, i);
            if (unitIndex < 0) {
                continue;
            }
            Word interval = words.get(i);
            Word lastOfValue = words.get(unitIndex - 1);
            Word unit = words.get(unitIndex);
            chars = chars == null ? text.toCharArray() : chars;
            String call = MysqlIntervals.FUNCTION_NAME + "(";
            assert call.length() == interval.end() - interval.start() : "the call takes INTERVAL's place";
            call.getChars(0, call.length(), chars, interval.start());
            String close = "," + IntervalUnit.named(unit.upper()).ordinal() + ")";
            assert close.length() <= unit.end() - lastOfValue.end() : "the unit's place holds the call's end";
            SqlWords.blank(chars, lastOfValue.end(), unit.end());
            // ending where the unit ended, so that the call spans the text the interval did
            close.getChars(0, close.length(), chars, unit.end() - close.length());
            i = unitIndex;
        }
        return chars == null ? text : new String(chars);
    }

    /** The index of the unit word ending the interval starting at {@code interval}, or -1 when it has none of ours. */
    private static int unitAfter(List<Word> words, int interval) {
        int depth = 0;
        for (int i = interval + 1; i < words.size(); i++) {
            String word = words.get(i).upper();
            if (word.equals("(")) {
                depth++;
            } else if (word.equals(")")) {
                if (--depth < 0) {
                    return -1;
                }
            } else if (depth == 0) {
                if (IntervalUnit.named(word) != null) {
                    return i > interval + 1 ? i : -1;
                }
                if (STOPS.contains(word)) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static boolean containsIgnoreCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
