package io.strata.sql.parser;

import io.strata.sql.parser.ast.LockMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds MySQL's locking clauses at the end of statements ({@code FOR UPDATE [NOWAIT]},
 * {@code FOR SHARE [NOWAIT]}, {@code LOCK IN SHARE MODE}), which Calcite's grammar has no place for,
 * and blanks them out so that the rest parses as a plain query. Works on text whose string literals
 * are already in standard form ({@link MysqlStringLiterals}); blanking keeps every offset, so error
 * positions stay right. {@code SKIP LOCKED} and {@code OF table} are left in place: they stay syntax
 * errors rather than being silently ignored.
 */
final class LockingClauses {
    /** The clause found at the end of one statement. */
    record Clause(LockMode mode, boolean noWait) {}

    /** The text with the clauses blanked, and per top-level statement its clause (null for none). */
    record Stripped(String text, List<Clause> clauses) {
        boolean any() {
            return clauses.stream().anyMatch(java.util.Objects::nonNull);
        }
    }

    private record Word(String upper, int start, int end) {}

    private LockingClauses() {}

    static Stripped strip(String text) {
        char[] chars = text.toCharArray();
        List<Clause> clauses = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < chars.length) {
            char c = chars[i];
            if (c == '\'' || c == '`' || c == '"') {
                i = skipQuoted(chars, i, c);
                words.add(new Word("", i, i)); // a literal or quoted name: not part of a clause
            } else if (c == '-' && i + 1 < chars.length && chars[i + 1] == '-') {
                while (i < chars.length && chars[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < chars.length && chars[i + 1] == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? chars.length : close + 2;
            } else if (c == ';') {
                clauses.add(endOfStatement(words, chars));
                words.clear();
                i++;
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
        if (!words.isEmpty()) {
            clauses.add(endOfStatement(words, chars));
        }
        return new Stripped(new String(chars), clauses);
    }

    /** The clause ending {@code words} (blanked in {@code chars}), or null. */
    private static Clause endOfStatement(List<Word> words, char[] chars) {
        int n = words.size();
        boolean noWait = n > 0 && words.get(n - 1).upper().equals("NOWAIT");
        int end = noWait ? n - 1 : n;
        Clause clause = null;
        int first = -1;
        if (end >= 2 && words.get(end - 2).upper().equals("FOR")) {
            String what = words.get(end - 1).upper();
            if (what.equals("UPDATE") || what.equals("SHARE")) {
                clause = new Clause(what.equals("UPDATE") ? LockMode.EXCLUSIVE : LockMode.SHARED, noWait);
                first = end - 2;
            }
        } else if (!noWait && end >= 4 && words.get(end - 4).upper().equals("LOCK") && words.get(end - 3).upper().equals("IN")
                && words.get(end - 2).upper().equals("SHARE") && words.get(end - 1).upper().equals("MODE")) {
            clause = new Clause(LockMode.SHARED, false);
            first = end - 4;
        }
        if (clause != null) {
            for (int k = words.get(first).start(); k < words.get(n - 1).end(); k++) {
                if (!Character.isWhitespace(chars[k])) {
                    chars[k] = ' ';
                }
            }
        }
        return clause;
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
