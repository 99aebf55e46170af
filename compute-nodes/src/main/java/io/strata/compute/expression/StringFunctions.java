package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** String functions with MySQL semantics; positions and lengths count characters unless stated. */
final class StringFunctions {
    private StringFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size) {
        return switch (function) {
            case LIKE, NOT_LIKE -> like(arguments, function == ScalarFunction.NOT_LIKE, size);
            case CONCAT -> concat(arguments, type, size);
            case UPPER, LOWER -> map(arguments[0], type, s -> function == ScalarFunction.UPPER
                    ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
            case SUBSTRING -> substring(arguments, type, size);
            case CHAR_LENGTH -> length(arguments[0], type, false);
            case LENGTH -> length(arguments[0], type, true);
            case TRIM -> trim(arguments, type, size);
            default -> throw new IllegalArgumentException("not a string function: " + function);
        };
    }

    private static Column text(Column column) {
        return column.type().kind().isString() ? column : ColumnCaster.cast(column, DataType.TEXT);
    }

    /** args: value, pattern[, escape]: the escape is one character, or '' for none. */
    private static Column like(Column[] arguments, boolean negated, int size) {
        Column value = text(arguments[0]);
        Column pattern = text(arguments[1]);
        Column escapes = arguments.length > 2 ? text(arguments[2]) : null;
        Column out = Column.allocate(DataType.BOOLEAN, size);
        LikeMatcher matcher = null;
        String matcherPattern = null;
        int matcherEscape = '\\';
        for (int i = 0; i < size; i++) {
            if (value.isNull(i) || pattern.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            String p = (String) pattern.objects()[i];
            int escape = escapes == null || escapes.isNull(i) ? '\\' : escapeCharacter((String) escapes.objects()[i]);
            if (!p.equals(matcherPattern) || escape != matcherEscape) {
                matcher = new LikeMatcher(p, escape); // the pattern is nearly always a constant: compile once
                matcherPattern = p;
                matcherEscape = escape;
            }
            byte[] utf8 = value.utf8();
            boolean matches = utf8 != null ? matcher.matchesUtf8(utf8, value.utf8Starts()[i], value.utf8Starts()[i + 1])
                    : matcher.matches((String) value.objects()[i]);
            out.longs()[i] = matches != negated ? 1 : 0;
        }
        return out;
    }

    private static int escapeCharacter(String escape) {
        if (escape.codePointCount(0, escape.length()) > 1) {
            throw StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS, "Incorrect arguments to ESCAPE");
        }
        return escape.isEmpty() ? -1 : escape.codePointAt(0);
    }

    private static Column concat(Column[] arguments, DataType type, int size) {
        Column[] texts = new Column[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            texts[a] = text(arguments[a]);
        }
        Column out = Column.allocate(type, size);
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < size; i++) {
            builder.setLength(0);
            boolean isNull = false;
            for (Column text : texts) {
                if (text.isNull(i)) {
                    isNull = true;
                    break;
                }
                builder.append((String) text.objects()[i]);
            }
            out.set(i, isNull ? null : builder.toString());
        }
        return out;
    }

    private static Column map(Column argument, DataType type, java.util.function.UnaryOperator<String> function) {
        Column text = text(argument);
        Column out = Column.allocate(type, text.size());
        for (int i = 0; i < text.size(); i++) {
            out.set(i, text.isNull(i) ? null : function.apply((String) text.objects()[i]));
        }
        return out;
    }

    /** SUBSTRING(s, pos[, len]): pos is 1-based, negative counts from the end, 0 gives ''. */
    private static Column substring(Column[] arguments, DataType type, int size) {
        Column text = text(arguments[0]);
        Column position = ColumnCaster.cast(arguments[1], DataType.BIGINT);
        Column length = arguments.length > 2 ? ColumnCaster.cast(arguments[2], DataType.BIGINT) : null;
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (text.isNull(i) || position.isNull(i) || length != null && length.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            String s = (String) text.objects()[i];
            int characters = s.codePointCount(0, s.length());
            long pos = position.longs()[i];
            long start = pos > 0 ? pos - 1 : characters + pos;
            if (pos == 0 || start < 0 || start >= characters) {
                out.set(i, "");
                continue;
            }
            long count = length == null ? characters - start : Math.max(0, Math.min(length.longs()[i], characters - start));
            int from = s.offsetByCodePoints(0, (int) start);
            int to = s.offsetByCodePoints(from, (int) count);
            out.set(i, s.substring(from, to));
        }
        return out;
    }

    private static Column length(Column argument, DataType type, boolean bytes) {
        Column out = Column.allocate(DataType.BIGINT, argument.size());
        io.strata.common.type.TypeKind kind = argument.type().kind();
        boolean binary = kind == io.strata.common.type.TypeKind.VARBINARY || kind == io.strata.common.type.TypeKind.BLOB;
        Column text = binary ? argument : text(argument);
        for (int i = 0; i < argument.size(); i++) {
            if (text.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            long value;
            if (binary) {
                value = ((byte[]) text.objects()[i]).length;
            } else {
                String s = (String) text.objects()[i];
                value = bytes ? s.getBytes(StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
            }
            out.set(i, value);
        }
        return out;
    }

    /**
     * TRIM(s) strips spaces from both ends; TRIM(flag, remove, s) with flag 'BOTH', 'LEADING' or
     * 'TRAILING' strips repetitions of {@code remove}.
     */
    private static Column trim(Column[] arguments, DataType type, int size) {
        if (arguments.length != 1 && arguments.length != 3) {
            throw StrataException.of(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, "Incorrect parameter count in the call to native function 'TRIM'");
        }
        Column text = text(arguments[arguments.length - 1]);
        Column flag = arguments.length == 3 ? text(arguments[0]) : null;
        Column remove = arguments.length == 3 ? text(arguments[1]) : null;
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (text.isNull(i) || remove != null && remove.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            String mode = flag == null || flag.isNull(i) ? "BOTH" : ((String) flag.objects()[i]).toUpperCase(Locale.ROOT);
            String r = remove == null ? " " : (String) remove.objects()[i];
            out.set(i, trim((String) text.objects()[i], r, !mode.equals("TRAILING"), !mode.equals("LEADING")));
        }
        return out;
    }

    private static String trim(String s, String remove, boolean leading, boolean trailing) {
        if (remove.isEmpty()) {
            return s;
        }
        int start = 0;
        int end = s.length();
        while (leading && s.startsWith(remove, start) && start + remove.length() <= end) {
            start += remove.length();
        }
        while (trailing && end - remove.length() >= start && s.startsWith(remove, end - remove.length())) {
            end -= remove.length();
        }
        return s.substring(start, end);
    }
}
