package io.strata.protocol.memory;

import io.strata.common.type.DataType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Test scaffolding: converts a decoded parameter to the Java class its column stores (see DataType). */
final class MemoryValues {
    private MemoryValues() {}

    static Object toColumn(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case NULL -> null;
            case BOOLEAN -> value instanceof Boolean b ? b : toLong(value) != 0;
            case TINYINT, SMALLINT, INT, BIGINT -> toLong(value);
            case DECIMAL -> new BigDecimal(value.toString()).setScale(type.scale(), java.math.RoundingMode.HALF_UP);
            case FLOAT, DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
            case VARCHAR, CHAR, TEXT, JSON -> value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
            case VARBINARY, BLOB -> value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
            case DATE -> value instanceof LocalDateTime dt ? dt.toLocalDate()
                    : value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
            case TIME -> value instanceof LocalTime t ? t : LocalTime.parse(value.toString());
            case DATETIME, TIMESTAMP -> value instanceof LocalDate d ? d.atStartOfDay()
                    : value instanceof LocalDateTime dt ? dt : LocalDateTime.parse(value.toString().replace(' ', 'T'));
            case VECF32 -> {
                double[] parsed = parseVector(value.toString());
                float[] floats = new float[parsed.length];
                for (int i = 0; i < parsed.length; i++) {
                    floats[i] = (float) parsed[i];
                }
                yield floats;
            }
            case VECF64 -> parseVector(value.toString());
        };
    }

    private static long toLong(Object value) {
        return switch (value) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.longValue();
            default -> Long.parseLong(value.toString().trim());
        };
    }

    private static double[] parseVector(String text) {
        String inner = text.trim();
        inner = inner.substring(1, inner.length() - 1).trim();
        if (inner.isEmpty()) {
            return new double[0];
        }
        String[] parts = inner.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i].trim());
        }
        return values;
    }
}
