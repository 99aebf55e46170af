package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.type.DataType;
import io.strata.compute.operator.WarningSink;

import java.util.regex.Pattern;

/**
 * EXPLICIT_CAST: CAST(x AS CHAR(n)) and CAST(x AS SIGNED | UNSIGNED) as MySQL answers them, warnings
 * included: a value longer than n characters is cut with warning 1292 ("Truncated incorrect CHAR(n)
 * value"), a text read as an integer that is not wholly one keeps its integer prefix with warning 1292
 * ("Truncated incorrect INTEGER value"); numbers round as CAST rounds them ({@link ColumnCaster}).
 */
final class ExplicitCasts {
    /** An integer in text, after the spaces MySQL skips (trailing ones draw the warning, as in MySQL 8). */
    private static final Pattern INTEGER_TEXT = Pattern.compile("\\s*[-+]?\\d{1,18}");

    private ExplicitCasts() {}

    static Column apply(Column value, DataType type, int size, WarningSink warnings) {
        if (type.kind().isString() && type.precision() > 0) {
            return cut(value, type, size, warnings);
        }
        if (type.kind().isInteger() && value.type().kind().isString()) {
            for (int i = 0; i < size; i++) {
                String text = value.isNull(i) ? null : ColumnCaster.text(value, i);
                if (text != null && !INTEGER_TEXT.matcher(text).matches()) {
                    warnings.warn(ErrorCode.ER_TRUNCATED_WRONG_VALUE.mysqlCode(),
                            "Truncated incorrect INTEGER value: '" + text + "'");
                }
            }
        }
        return ColumnCaster.cast(value, type);
    }

    private static Column cut(Column value, DataType type, int size, WarningSink warnings) {
        int length = type.precision();
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (value.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            String text = ColumnCaster.text(value, i);
            if (text.codePointCount(0, text.length()) > length) {
                warnings.warn(ErrorCode.ER_TRUNCATED_WRONG_VALUE.mysqlCode(),
                        "Truncated incorrect CHAR(" + length + ") value: '" + text + "'");
                text = text.substring(0, text.offsetByCodePoints(0, length));
            }
            out.set(i, text);
        }
        return out;
    }
}
