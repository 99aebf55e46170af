package io.strata.sql.session;

import io.strata.sql.parser.ast.ParserValues;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Java values to SQL literals and back, for variables, DEFAULTs and the literal fast path of INSERT. */
public final class SqlValues {
    /** Marks a {@code DEFAULT} in a VALUES row. */
    public static final Object DEFAULT = new Object() {
        @Override
        public String toString() {
            return "DEFAULT";
        }
    };

    private SqlValues() {}

    /** A literal holding {@code value} (a Java value of a DataType class, or null). */
    public static SqlNode literal(Object value, SqlParserPos pos) {
        if (value == null) {
            return SqlLiteral.createNull(pos);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal) {
            return SqlLiteral.createExactNumeric(new BigDecimal(value.toString()).toPlainString(), pos);
        }
        if (value instanceof Double || value instanceof Float) {
            return SqlLiteral.createApproxNumeric(BigDecimal.valueOf(((Number) value).doubleValue()).toString() + "E0", pos);
        }
        if (value instanceof Boolean b) {
            return SqlLiteral.createBoolean(b, pos);
        }
        if (value instanceof LocalDate date) {
            return SqlLiteral.createDate(new DateString(date.toString()), pos);
        }
        if (value instanceof LocalTime time) {
            return SqlLiteral.createTime(new TimeString(time.toString()), 6, pos);
        }
        if (value instanceof LocalDateTime dateTime) {
            return SqlLiteral.createTimestamp(org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP,
                    new TimestampString(dateTime.toString().replace('T', ' ')), 6, pos);
        }
        return SqlLiteral.createCharString(value.toString(), pos);
    }

    /**
     * The value of a node that needs no evaluation (a literal, a signed number, NULL, DEFAULT, a
     * parameter), or empty when the node is an expression to compute.
     */
    public static Optional<Object> simpleValue(SqlNode node, List<Object> parameters) {
        if (node instanceof SqlDynamicParam param) {
            return Optional.ofNullable(parameters.get(param.getIndex())).or(() -> Optional.of(NullValue.INSTANCE));
        }
        if (node.getKind() == SqlKind.DEFAULT) {
            return Optional.of(DEFAULT);
        }
        if (node instanceof SqlLiteral literal) {
            Object value = literalValue(literal);
            return Optional.of(value == null ? NullValue.INSTANCE : value);
        }
        if (node.getKind() == SqlKind.MINUS_PREFIX && node instanceof SqlBasicCall call
                && call.operand(0) instanceof SqlLiteral literal && literalValue(literal) instanceof Number number) {
            return Optional.of(negate(number));
        }
        return Optional.empty();
    }

    /** The Java value of a literal: Long for integers, BigDecimal, Double, String, Boolean, dates, or null. */
    public static Object literalValue(SqlLiteral literal) {
        Object value = literal.getValue();
        if (value == null) {
            return null;
        }
        if (value instanceof NlsString) {
            return ParserValues.string(literal);
        }
        if (value instanceof BigDecimal decimal) {
            if (literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.DOUBLE) {
                return decimal.doubleValue();
            }
            return decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? (Object) decimal.longValueExact() : decimal;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof DateString date) {
            return LocalDate.parse(date.toString());
        }
        if (value instanceof TimestampString ts) {
            return LocalDateTime.parse(ts.toString().replace(' ', 'T'));
        }
        if (value instanceof TimeString time) {
            return LocalTime.parse(time.toString());
        }
        if (value instanceof org.apache.calcite.util.BitString bits) {
            return bits.getAsByteArray();
        }
        return literal.toValue();
    }

    /** A SET value: identifiers (OFF, utf8mb4) stand for their name; NULL is {@link NullValue}. */
    public static Optional<Object> setValue(SqlNode node) {
        if (node instanceof SqlIdentifier identifier) {
            return Optional.of(identifier.toString());
        }
        return simpleValue(node, List.of());
    }

    /** The value an Optional of {@link #simpleValue} holds: {@link NullValue} back to null. */
    public static Object unwrap(Object value) {
        return value == NullValue.INSTANCE ? null : value;
    }

    private static Object negate(Number number) {
        if (number instanceof Long l) {
            return -l;
        }
        if (number instanceof BigDecimal d) {
            return d.negate();
        }
        return -number.doubleValue();
    }

    /** Stands for SQL NULL inside an Optional. */
    public enum NullValue { INSTANCE }
}
