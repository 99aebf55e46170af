package io.strata.sql.parser;

/**
 * Rewrites MySQL's string literals into the standard form Calcite's lexer knows: {@code '...'} with a
 * quote doubled. MySQL also takes backslash escapes (MySQL 8.0 manual, 11.1.1 "String Literals"),
 * double-quoted strings (we ignore sql_mode ANSI_QUOTES) and adjacent literals on one line, which it
 * concatenates. {@code # ...} comments, which Calcite does not know, are blanked to the end of the line.
 * Backtick identifiers and {@code --} and C-style comments are copied unchanged.
 *
 * <p>A rewritten literal that is shorter than the original is padded with spaces after its closing
 * quote, so that positions stay those of the original text; {@link #originalOffset} maps the rest.
 */
final class MysqlStringLiterals {
    private final String sql;
    private final StringBuilder out;
    /** originalOffsets[k] is the offset in {@link #sql} of the k-th character written to {@link #out}. */
    private int[] originalOffsets;

    private MysqlStringLiterals(String sql) {
        this.sql = sql;
        this.out = new StringBuilder(sql.length() + 16);
        this.originalOffsets = new int[sql.length() + 16];
    }

    /** The rewritten text and the map from its offsets back to the original's. */
    record Rewritten(String text, int[] originalOffsets, int originalLength) {
        /** The offset in the original text of the character at {@code offset} in the rewritten text. */
        int originalOffset(int offset) {
            if (offset < 0) {
                return 0;
            }
            return offset < text.length() ? originalOffsets[offset] : originalLength;
        }
    }

    static Rewritten rewrite(String sql) {
        MysqlStringLiterals rewriter = new MysqlStringLiterals(sql);
        rewriter.run();
        return new Rewritten(rewriter.out.toString(), rewriter.originalOffsets, sql.length());
    }

    private void run() {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '`') {
                i = copyUntil(i, sql.indexOf('`', i + 1), 1);
            } else if (c == '-' && sql.startsWith("--", i)) {
                i = copyUntil(i, lineEnd(i), 0);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = copyUntil(i, sql.indexOf("*/", i + 2), 2);
            } else if (c == '#') {
                int end = lineEnd(i);
                for (; i < end; i++) {
                    emit(' ', i);
                }
            } else if (c == '\'' || c == '"') {
                i = literal(i);
            } else if (c == '_' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                i = introducer(i);
            } else {
                emit(c, i++);
            }
        }
    }

    /**
     * Blanks a character set introducer ({@code _utf8mb4'x'}): Calcite knows only Java's charset names, and
     * the literal is utf8mb4 in any case. Other words starting with {@code _} are copied.
     */
    private int introducer(int start) {
        int end = start + 1;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
            end++;
        }
        boolean quoted = end < sql.length() && (sql.charAt(end) == '\'' || sql.charAt(end) == '"');
        String name = sql.substring(start + 1, end).toLowerCase(java.util.Locale.ROOT);
        boolean charset = switch (name) {
            case "utf8mb4", "utf8mb3", "utf8", "latin1", "ascii", "binary" -> true;
            default -> false;
        };
        for (int i = start; i < end; i++) {
            emit(quoted && charset ? ' ' : sql.charAt(i), i);
        }
        return end;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Copies from {@code start} to {@code end + tail} (to the end of the text when {@code end < 0}). */
    private int copyUntil(int start, int end, int tail) {
        int stop = end < 0 ? sql.length() : Math.min(end + tail, sql.length());
        for (int i = start; i < stop; i++) {
            emit(sql.charAt(i), i);
        }
        return stop;
    }

    private int lineEnd(int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end;
    }

    /** Rewrites the literal (and the literals following it on the same line) at {@code start}. */
    private int literal(int start) {
        StringBuilder value = new StringBuilder();
        int end = scanLiteral(start, value);
        if (end < 0) {
            return copyUntil(start, sql.length(), 0); // unterminated: Calcite reports it
        }
        if (!isHexOrBitLiteral(start)) {
            int next = nextOnSameLine(end);
            while (next < sql.length() && (sql.charAt(next) == '\'' || sql.charAt(next) == '"')) {
                int nextEnd = scanLiteral(next, value);
                if (nextEnd < 0) {
                    break;
                }
                end = nextEnd;
                next = nextOnSameLine(end);
            }
        }
        int written = 0;
        emit('\'', start);
        written++;
        for (int k = 0; k < value.length(); k++) {
            char v = value.charAt(k);
            int at = Math.min(start + written, end - 1);
            if (v == '\'') {
                emit('\'', at);
                written++;
            }
            emit(v, Math.min(start + written, end - 1));
            written++;
        }
        emit('\'', end - 1);
        written++;
        for (int k = start + written; k < end; k++) {
            emit(' ', k);
        }
        return end;
    }

    /** X'41' and B'01' are not strings and are not concatenated. */
    private boolean isHexOrBitLiteral(int quote) {
        if (quote == 0) {
            return false;
        }
        char prefix = Character.toUpperCase(sql.charAt(quote - 1));
        boolean standalone = quote == 1 || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_';
        return (prefix == 'X' || prefix == 'B') && standalone;
    }

    private int nextOnSameLine(int from) {
        int i = from;
        while (i < sql.length() && (sql.charAt(i) == ' ' || sql.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Appends the value of the literal quoted at {@code start} to {@code value}; returns the offset after its
     * closing quote, or -1 when it is not closed.
     */
    private int scanLiteral(int start, StringBuilder value) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\\' && i + 1 < sql.length()) {
                appendEscape(sql.charAt(i + 1), value);
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        return -1;
    }

    private static void appendEscape(char escaped, StringBuilder value) {
        switch (escaped) {
            case '0' -> value.append('\0');
            case 'b' -> value.append('\b');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'Z' -> value.append('\u001A');
            case '%', '_' -> value.append('\\').append(escaped); // kept for LIKE patterns
            default -> value.append(escaped); // \' \" \\ and any other character stand for themselves
        }
    }

    private void emit(char c, int originalOffset) {
        if (out.length() == originalOffsets.length) {
            originalOffsets = java.util.Arrays.copyOf(originalOffsets, originalOffsets.length * 2);
        }
        originalOffsets[out.length()] = originalOffset;
        out.append(c);
    }
}
