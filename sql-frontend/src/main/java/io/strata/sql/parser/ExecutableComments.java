package io.strata.sql.parser;

/**
 * MySQL runs the text of {@code /*! ... *}{@code /} and {@code /*!80000 ... *}{@code /} comments as SQL
 * (mysqldump writes {@code /*!40101 SET NAMES utf8mb4 *}{@code /}). Calcite's lexer skips every
 * comment, so before parsing the markers of executable comments are blanked out, keeping the text
 * inside and every character's position (error positions stay right). Quoted text is left alone.
 */
final class ExecutableComments {
    private ExecutableComments() {}

    static String open(String sql) {
        if (!sql.contains("/*!")) {
            return sql;
        }
        char[] text = sql.toCharArray();
        char quote = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 2 < text.length && text[i + 1] == '*' && text[i + 2] == '!') {
                i = blankExecutableComment(text, i);
            } else if (c == '/' && i + 1 < text.length && text[i + 1] == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? text.length : end + 1;
            }
        }
        return new String(text);
    }

    /** Blanks {@code /*!NNNNN} and the matching {@code *}{@code /}; returns the index to continue after the opening. */
    private static int blankExecutableComment(char[] text, int start) {
        int i = start + 3;
        while (i < text.length && Character.isDigit(text[i])) {
            i++;
        }
        int end = indexOfCommentEnd(text, i);
        if (end < 0) {
            return start + 2; // unterminated: leave it to the parser to report
        }
        for (int k = start; k < i; k++) {
            text[k] = ' ';
        }
        text[end] = ' ';
        text[end + 1] = ' ';
        return i - 1;
    }

    private static int indexOfCommentEnd(char[] text, int from) {
        char quote = 0;
        for (int i = from; i + 1 < text.length; i++) {
            char c = text[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '*' && text[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }
}
