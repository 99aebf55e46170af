package io.strata.sql.parser;

import io.strata.sql.parser.SqlWords.Word;
import io.strata.sql.plan.MysqlCasts;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's {@code CONVERT(expr, type)}, which Calcite's grammar reads only with a bare name after the comma
 * (CHAR, DECIMAL, ... are keywords, and CHAR(10) or DECIMAL(5,2) have arguments), rewritten before Calcite
 * parses into {@code CONV_AS(expr, kind[, n[, d]])} of the type's {@link MysqlCasts.Kind} and numbers:
 * {@code CONVERT(x, CHAR(10))} becomes {@code CONV_AS(x    ,0,10)}. The text keeps its length, the
 * expression its place and the call the span of the CONVERT. {@code CONVERT(expr USING charset)} and
 * types MySQL does not know are left to Calcite.
 */
final class ConvertTypes {
    private static final Pattern TYPE = Pattern.compile("\\s*(CHARACTER|CHAR|NCHAR|BINARY|SIGNED|UNSIGNED|DATETIME|DATE|TIME"
            + "|DECIMAL|DEC|DOUBLE|FLOAT|REAL|JSON)\\s*(?:\\(\\s*(\\d{1,9})\\s*(?:,\\s*(\\d{1,9})\\s*)?\\))?"
            + "(?:\\s+(INTEGER|INT|PRECISION))?(?:\\s+(?:CHARACTER\\s+SET|CHARSET)\\s+(\\w+))?\\s*", Pattern.CASE_INSENSITIVE);

    private ConvertTypes() {}

    /** Whether {@code text} may hold a CONVERT (the rewrite scans its words only then). */
    static boolean mayContain(String text) {
        return text.toUpperCase(Locale.ROOT).contains("CONVERT");
    }

    /** {@code text} with each such CONVERT rewritten; {@code words} are its {@link SqlWords}. */
    static String rewrite(String text, List<Word> words) {
        char[] chars = null;
        for (int i = 0; i + 1 < words.size(); i++) {
            if (!words.get(i).upper().equals("CONVERT") || !words.get(i + 1).upper().equals("(")) {
                continue;
            }
            int comma = -1;
            int close = -1;
            int depth = 0;
            for (int k = i + 1; k < words.size() && close < 0; k++) {
                String word = words.get(k).upper();
                if (word.equals("(")) {
                    depth++;
                } else if (word.equals(")") && --depth == 0) {
                    close = k;
                } else if (depth == 1 && word.equals(",")) {
                    comma = comma < 0 ? k : -2; // a second argument separator: not MySQL's CONVERT
                } else if (depth == 1 && word.equals("USING")) {
                    comma = -2;
                }
            }
            if (comma < 0 || close < 0) {
                continue;
            }
            String call = encodedCall(text.substring(words.get(comma).end(), words.get(close).start()));
            int from = words.get(comma).start();
            int to = words.get(close).end();
            if (call == null || call.length() > to - from) {
                continue;
            }
            chars = chars == null ? text.toCharArray() : chars;
            Word convert = words.get(i);
            MysqlCasts.CONVERT_FUNCTION_NAME.getChars(0, convert.end() - convert.start(), chars, convert.start());
            SqlWords.blank(chars, from, to);
            call.getChars(0, call.length(), chars, to - call.length()); // ends where CONVERT's parenthesis did
        }
        return chars == null ? text : new String(chars);
    }

    /** {@code ,kind[,n[,d]])} for a MySQL CAST type, or null when {@code type} is none. */
    private static String encodedCall(String type) {
        Matcher m = TYPE.matcher(type);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        String suffix = m.group(4) == null ? null : m.group(4).toUpperCase(Locale.ROOT);
        boolean integer = name.equals("SIGNED") || name.equals("UNSIGNED");
        boolean suffixFits = suffix == null || (integer && !suffix.equals("PRECISION"))
                || (name.equals("DOUBLE") && suffix.equals("PRECISION"));
        boolean charsetFits = m.group(5) == null || name.endsWith("CHAR") || name.equals("CHARACTER");
        if (!suffixFits || !charsetFits) {
            return null;
        }
        boolean binaryCharset = m.group(5) != null && m.group(5).equalsIgnoreCase("binary");
        MysqlCasts.Kind kind = switch (name) {
            case "CHARACTER", "CHAR", "NCHAR" -> binaryCharset ? MysqlCasts.Kind.BINARY : MysqlCasts.Kind.CHAR;
            case "DEC" -> MysqlCasts.Kind.DECIMAL;
            default -> MysqlCasts.Kind.valueOf(name);
        };
        StringBuilder call = new StringBuilder(",").append(kind.ordinal());
        for (int group = 2; group <= 3 && m.group(group) != null; group++) {
            call.append(',').append(Integer.parseInt(m.group(group)));
        }
        return call.append(')').toString();
    }
}
