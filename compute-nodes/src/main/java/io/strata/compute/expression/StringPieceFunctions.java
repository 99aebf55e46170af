package io.strata.compute.expression;

import io.strata.common.type.DataType;

import java.nio.charset.StandardCharsets;

/**
 * SUBSTRING_INDEX, REPEAT, SPACE, LTRIM, RTRIM, ASCII: strings cut at delimiters, repeated, or trimmed
 * of spaces on one side. A result longer than max_allowed_packet (64 MiB) is NULL, as in MySQL.
 */
final class StringPieceFunctions {
    /** MySQL 8's default max_allowed_packet, the longest string REPEAT and SPACE make. */
    private static final long MAX_RESULT_BYTES = 64L * 1024 * 1024;

    private StringPieceFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size) {
        Column[] inputs = new Column[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            boolean count = a == arguments.length - 1 && (function == ScalarFunction.SUBSTRING_INDEX
                    || function == ScalarFunction.REPEAT) || function == ScalarFunction.SPACE;
            inputs[a] = count ? ColumnCaster.cast(arguments[a], DataType.BIGINT) : text(arguments[a]);
        }
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (NullArguments.any(inputs, i)) {
                out.nulls()[i] = true;
                continue;
            }
            out.set(i, switch (function) {
                case SUBSTRING_INDEX -> substringIndex(string(inputs[0], i), string(inputs[1], i), inputs[2].longs()[i]);
                case REPEAT -> repeat(string(inputs[0], i), inputs[1].longs()[i]);
                case SPACE -> repeat(" ", inputs[0].longs()[i]);
                case LTRIM -> trimSpaces(string(inputs[0], i), true);
                case RTRIM -> trimSpaces(string(inputs[0], i), false);
                case ASCII -> ascii(string(inputs[0], i));
                default -> throw new IllegalArgumentException("not a string piece function: " + function);
            });
        }
        return out;
    }

    private static Column text(Column column) {
        return column.type().kind().isString() ? column : ColumnCaster.cast(column, DataType.TEXT);
    }

    private static String string(Column column, int row) {
        return (String) column.objects()[row];
    }

    /**
     * The part before the count-th delimiter (count > 0) or after the count-th from the end (count < 0);
     * the whole string when there are fewer delimiters. Delimiters match case-sensitively, as in MySQL.
     */
    static String substringIndex(String text, String delimiter, long count) {
        if (count == 0 || delimiter.isEmpty()) {
            return "";
        }
        if (count > 0) {
            int at = -delimiter.length();
            for (long n = 0; n < count; n++) {
                at = text.indexOf(delimiter, at + delimiter.length());
                if (at < 0) {
                    return text;
                }
            }
            return text.substring(0, at);
        }
        int at = text.length() + delimiter.length();
        for (long n = 0; n < -count; n++) {
            int from = at - delimiter.length();
            at = from < 0 ? -1 : text.lastIndexOf(delimiter, from);
            if (at < 0) {
                return text;
            }
        }
        return text.substring(at + delimiter.length());
    }

    private static String repeat(String text, long count) {
        if (count <= 0 || text.isEmpty()) {
            return "";
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes * count > MAX_RESULT_BYTES || bytes * count < 0) {
            return null;
        }
        return text.repeat((int) count);
    }

    private static String trimSpaces(String text, boolean leading) {
        int start = 0;
        int end = text.length();
        if (leading) {
            while (start < end && text.charAt(start) == ' ') {
                start++;
            }
        } else {
            while (end > start && text.charAt(end - 1) == ' ') {
                end--;
            }
        }
        return text.substring(start, end);
    }

    /** The first byte of the string's UTF-8 form (MySQL's ASCII reads bytes), 0 for ''. */
    private static long ascii(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int codePoint = text.codePointAt(0);
        if (codePoint < 0x80) {
            return codePoint;
        }
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    }
}
