package io.strata.storage.format;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Writes and reads one zone-map bound (a min or max) of a column of a known SQL type. */
final class ZoneValueCodec {
    private ZoneValueCodec() {}

    static void write(DataOutput out, DataType type, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        switch (type.kind()) {
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case TINYINT, SMALLINT, INT, BIGINT -> out.writeLong((Long) value);
            case FLOAT, DOUBLE -> out.writeDouble((Double) value);
            case DECIMAL -> writeBytes(out, value.toString().getBytes(StandardCharsets.UTF_8));
            case VARCHAR, CHAR, TEXT -> writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
            case TIME -> out.writeLong(((LocalTime) value).toNanoOfDay());
            case DATETIME, TIMESTAMP -> out.writeLong(ArrowValues.dateTimeToMicros((LocalDateTime) value));
            default -> throw new IllegalStateException("no zone map for " + type);
        }
    }

    static Object read(DataInput in, DataType type) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> in.readBoolean();
            case TINYINT, SMALLINT, INT, BIGINT -> in.readLong();
            case FLOAT, DOUBLE -> in.readDouble();
            case DECIMAL -> new BigDecimal(new String(readBytes(in), StandardCharsets.UTF_8));
            case VARCHAR, CHAR, TEXT -> new String(readBytes(in), StandardCharsets.UTF_8);
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readLong());
            case DATETIME, TIMESTAMP -> ArrowValues.microsToDateTime(in.readLong());
            default -> throw new IllegalStateException("no zone map for " + type);
        };
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
