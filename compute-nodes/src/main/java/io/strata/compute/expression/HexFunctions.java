package io.strata.compute.expression;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * HEX(x): a string's (UTF-8) bytes, or a number's value as a 64-bit two's complement integer, in upper-case
 * hexadecimal; UNHEX(s): the bytes hexadecimal digits name (a leading 0 is assumed for an odd count), NULL
 * when a character is not a hexadecimal digit.
 */
final class HexFunctions {
    private HexFunctions() {}

    static Column hex(Column argument, DataType type, int size) {
        TypeKind kind = argument.type().kind();
        boolean number = kind.isNumeric();
        Column input = number ? ColumnCaster.cast(argument, DataType.BIGINT) : argument;
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (input.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            if (number) {
                out.set(i, Long.toHexString(input.longs()[i]).toUpperCase(Locale.ROOT));
            } else {
                byte[] bytes = input.objects() != null && input.objects()[i] instanceof byte[] b ? b
                        : ColumnCaster.text(input, i).getBytes(StandardCharsets.UTF_8);
                out.set(i, HexFormat.of().withUpperCase().formatHex(bytes));
            }
        }
        return out;
    }

    static Column unhex(Column argument, DataType type, int size) {
        Column text = argument.type().kind().isString() ? argument : ColumnCaster.cast(argument, DataType.TEXT);
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (text.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            String digits = (String) text.objects()[i];
            if (digits.length() % 2 != 0) {
                digits = "0" + digits;
            }
            try {
                byte[] bytes = HexFormat.of().parseHex(digits);
                out.set(i, type.kind().isString() ? new String(bytes, StandardCharsets.UTF_8) : bytes);
            } catch (IllegalArgumentException e) {
                out.nulls()[i] = true; // not hexadecimal: NULL, as in MySQL
            }
        }
        return out;
    }
}
