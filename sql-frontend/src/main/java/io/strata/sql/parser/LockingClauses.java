package io.strata.sql.parser;

import io.strata.sql.parser.SqlWords.Word;
import io.strata.sql.parser.ast.LockMode;

import java.util.ArrayList;
import java.util.List;

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

    private LockingClauses() {}

    /** Finds and blanks the clauses of {@code text}, whose {@link SqlWords} are {@code words}. */
    static Stripped strip(String text, List<Word> words) {
        char[] chars = text.toCharArray();
        List<Clause> clauses = new ArrayList<>();
        for (List<Word> statement : SqlWords.statements(words)) {
            clauses.add(endOfStatement(statement, chars));
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
            SqlWords.blank(chars, words.get(first).start(), words.get(n - 1).end());
        }
        return clause;
    }
}
