package io.strata.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of SQL text for the checks made before Calcite parses ({@link LockingClauses},
 * {@link SelectModifiers}): names and keywords upper-cased, every other character but white space as a
 * word of its own ({@code ;} included), a quoted literal or name as one empty word; comments are
 * skipped. Works on text whose string literals are in standard form ({@link MysqlStringLiterals}).
 */
final class SqlWords {
    /** One word: its upper-case text ("" for a quoted literal or name) and where it lies. */
    record Word(String upper, int start, int end) {}

    private SqlWords() {}

    static List<Word> scan(String text) {
        char[] chars = text.toCharArray();
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < chars.length) {
            char c = chars[i];
            if (c == '\'' || c == '`' || c == '"') {
                int start = i;
                i = skipQuoted(chars, i, c);
                words.add(new Word("", start, i));
            } else if (c == '-' && i + 1 < chars.length && chars[i + 1] == '-') {
                while (i < chars.length && chars[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < chars.length && chars[i + 1] == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? chars.length : close + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < chars.length && (Character.isLetterOrDigit(chars[i]) || chars[i] == '_' || chars[i] == '$')) {
                    i++;
                }
                words.add(new Word(text.substring(start, i).toUpperCase(Locale.ROOT), start, i));
            } else {
                if (!Character.isWhitespace(c)) {
                    words.add(new Word(String.valueOf(c), i, i + 1));
                }
                i++;
            }
        }
        return words;
    }

    /** {@code words} split into top-level statements at each {@code ;} (a trailing empty one left out). */
    static List<List<Word>> statements(List<Word> words) {
        List<List<Word>> statements = new ArrayList<>();
        List<Word> statement = new ArrayList<>();
        for (Word word : words) {
            if (word.upper().equals(";")) {
                statements.add(statement);
                statement = new ArrayList<>();
            } else {
                statement.add(word);
            }
        }
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        return statements;
    }

    /** Blanks {@code chars} over {@code [from, to)}, keeping line breaks and other white space (offsets stay). */
    static void blank(char[] chars, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isWhitespace(chars[k])) {
                chars[k] = ' ';
            }
        }
    }

    private static int skipQuoted(char[] chars, int open, char quote) {
        int i = open + 1;
        while (i < chars.length) {
            if (chars[i] == quote) {
                if (i + 1 < chars.length && chars[i + 1] == quote) {
                    i += 2; // a doubled quote inside the literal
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }
}
