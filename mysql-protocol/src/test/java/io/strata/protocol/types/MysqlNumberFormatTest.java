package io.strata.protocol.types;

import io.strata.common.type.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MysqlNumberFormatTest {
    @Test
    void doublesPrintTheShortestDigitsWithoutTrailingZero() {
        assertEquals("1.5", MysqlNumberFormat.formatDouble(1.5));
        assertEquals("2", MysqlNumberFormat.formatDouble(2.0));
        assertEquals("-3", MysqlNumberFormat.formatDouble(-3.0));
        assertEquals("0.1", MysqlNumberFormat.formatDouble(0.1));
        assertEquals("0", MysqlNumberFormat.formatDouble(0.0));
        assertEquals("123456789012345", MysqlNumberFormat.formatDouble(123456789012345.0));
        assertEquals("1e15", MysqlNumberFormat.formatDouble(1e15));
        assertEquals("1e20", MysqlNumberFormat.formatDouble(1e20));
        assertEquals("1.2345e20", MysqlNumberFormat.formatDouble(1.2345e20));
        assertEquals("-6.02214076e23", MysqlNumberFormat.formatDouble(-6.02214076e23));
        assertEquals("0.00001", MysqlNumberFormat.formatDouble(1e-5));
        assertEquals("1.5e-7", MysqlNumberFormat.formatDouble(1.5e-7));
    }

    @Test
    void floatsPrintTheirOwnShortestDigits() {
        assertEquals("0.1", MysqlNumberFormat.formatFloat(0.1f));
        assertEquals("3.14159", MysqlNumberFormat.formatFloat(3.14159f));
        assertEquals("0.1", TextValueEncoder.format(0.1f, DataType.FLOAT));
        assertEquals("0.1", TextValueEncoder.format((double) 0.1f, DataType.FLOAT));
    }

    @Test
    void decimalsAndTemporalsFollowTheirColumnType() {
        assertEquals("12.30", TextValueEncoder.format(new BigDecimal("12.3"), DataType.decimal(5, 2)));
        assertEquals("12:00:01", TextValueEncoder.format(LocalTime.of(12, 0, 1, 999_000_000), DataType.TIME));
        assertEquals("2020-01-02 03:04:05.12",
                TextValueEncoder.format(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_000), DataType.datetime(2)));
        assertEquals("0099-01-01 00:00:00", TextValueEncoder.format(LocalDateTime.of(99, 1, 1, 0, 0), DataType.DATETIME));
        assertEquals("1", TextValueEncoder.format(true, DataType.BOOLEAN));
        assertEquals("[1, 2.5, 3]", TextValueEncoder.format(new float[] {1, 2.5f, 3}, DataType.vecf32(3)));
        assertEquals("[1e-7, -2]", TextValueEncoder.format(new double[] {1e-7, -2}, DataType.vecf64(2)));
    }
}
