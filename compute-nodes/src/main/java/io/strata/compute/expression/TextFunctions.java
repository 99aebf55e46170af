package io.strata.compute.expression;

import io.strata.common.type.DataType;
import io.strata.common.type.StringCollation;

/** String editing functions: CONCAT_WS, REPLACE, LEFT, RIGHT, LPAD, RPAD, REVERSE, LOCATE. Lengths count characters. */
final class TextFunctions {
    private TextFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size) {
        Column[] texts = new Column[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            texts[a] = isNumberArgument(function, a) ? ColumnCaster.cast(arguments[a], DataType.BIGINT)
                    : arguments[a].type().kind().isString() ? arguments[a] : ColumnCaster.cast(arguments[a], DataType.TEXT);
        }
        if (function == ScalarFunction.CONCAT_WS) {
            return concatWithSeparator(texts, type, size);
        }
        Column out = Column.allocate(function == ScalarFunction.LOCATE ? DataType.BIGINT : type, size);
        for (int i = 0; i < size; i++) {
            if (NullArguments.any(texts, i)) {
                out.nulls()[i] = true;
                continue;
            }
            out.set(i, switch (function) {
                case REPLACE -> replace(string(texts[0], i), string(texts[1], i), string(texts[2], i));
                case LEFT -> left(string(texts[0], i), texts[1].longs()[i]);
                case RIGHT -> right(string(texts[0], i), texts[1].longs()[i]);
                case LPAD, RPAD -> pad(string(texts[0], i), texts[1].longs()[i], string(texts[2], i), function == ScalarFunction.LPAD);
                case REVERSE -> new StringBuilder(string(texts[0], i)).reverse().toString();
                case LOCATE -> locate(string(texts[0], i), string(texts[1], i), texts.length > 2 ? texts[2].longs()[i] : 1);
                default -> throw new IllegalArgumentException("not a text function: " + function);
            });
        }
        return out;
    }

    private static boolean isNumberArgument(ScalarFunction function, int index) {
        return switch (function) {
            case LEFT, RIGHT, LPAD, RPAD -> index == 1;
            case LOCATE -> index == 2;
            default -> false;
        };
    }

    private static String string(Column column, int row) {
        return (String) column.objects()[row];
    }

    private static Column concatWithSeparator(Column[] texts, DataType type, int size) {
        Column out = Column.allocate(type, size);
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (texts[0].isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            builder.setLength(0);
            boolean first = true;
            for (int a = 1; a < texts.length; a++) {
                if (texts[a].isNull(i)) {
                    continue;
                }
                if (!first) {
                    builder.append(string(texts[0], i));
                }
                builder.append(string(texts[a], i));
                first = false;
            }
            out.set(i, builder.toString());
        }
        return out;
    }

    private static String replace(String text, String from, String to) {
        return from.isEmpty() ? text : text.replace(from, to);
    }

    private static String left(String text, long count) {
        int characters = text.codePointCount(0, text.length());
        if (count <= 0) {
            return "";
        }
        return count >= characters ? text : text.substring(0, text.offsetByCodePoints(0, (int) count));
    }

    private static String right(String text, long count) {
        int characters = text.codePointCount(0, text.length());
        if (count <= 0) {
            return "";
        }
        return count >= characters ? text : text.substring(text.offsetByCodePoints(0, (int) (characters - count)));
    }

    /** MySQL pads to {@code length} or cuts to it; an empty padding that cannot reach the length gives NULL. */
    private static String pad(String text, long length, String padding, boolean leftSide) {
        int characters = text.codePointCount(0, text.length());
        if (length < 0) {
            return null;
        }
        if (length <= characters) {
            return left(text, length);
        }
        if (padding.isEmpty()) {
            return null;
        }
        StringBuilder fill = new StringBuilder();
        long missing = length - characters;
        while (fill.codePointCount(0, fill.length()) < missing) {
            fill.append(padding);
        }
        String cut = left(fill.toString(), missing);
        return leftSide ? cut + text : text + cut;
    }

    /** 1-based position of {@code needle} in {@code haystack} at or after {@code start}, case-insensitively; 0 if absent. */
    private static long locate(String needle, String haystack, long start) {
        if (start < 1) {
            return 0;
        }
        String foldedHaystack = StringCollation.fold(haystack);
        String foldedNeedle = StringCollation.fold(needle);
        int characters = foldedHaystack.codePointCount(0, foldedHaystack.length());
        if (start > characters + 1) {
            return 0;
        }
        int from = foldedHaystack.offsetByCodePoints(0, (int) start - 1);
        int found = foldedHaystack.indexOf(foldedNeedle, from);
        return found < 0 ? 0 : foldedHaystack.codePointCount(0, found) + 1;
    }
}
