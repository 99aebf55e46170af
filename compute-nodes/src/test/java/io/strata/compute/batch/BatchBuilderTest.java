package io.strata.compute.batch;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.compute.testing.OperatorTestBase;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchBuilderTest extends OperatorTestBase {
    private static final Field C = ArrowTypes.field("c", DataType.INT, true);

    private StrataException failure(Field field, Object value) {
        return assertThrows(StrataException.class, () -> BatchBuilder.build(allocator, List.of(field), List.<Object[]>of(new Object[] {value})).close());
    }

    @Test
    void convertsValuesToColumnTypesAsMysqlStoresThem() {
        List<Field> fields = List.of(C, ArrowTypes.field("d", DataType.decimal(10, 2), true), ArrowTypes.field("s", DataType.varchar(5), true),
                ArrowTypes.field("day", DataType.DATE, true), ArrowTypes.field("f", DataType.DOUBLE, true));
        List<Object[]> rows = List.of(new Object[] {"12", 1L, 42L, "2024-02-29", "1.5"},
                new Object[] {3.6, "2.345", "ab", LocalDate.of(2020, 1, 1), null});
        try (VectorSchemaRoot batch = BatchBuilder.build(allocator, fields, rows)) {
            assertEquals(2, batch.getRowCount());
            Object[] first = new Object[5];
            Object[] second = new Object[5];
            for (int c = 0; c < 5; c++) {
                first[c] = ArrowValues.get(batch.getVector(c), 0);
                second[c] = ArrowValues.get(batch.getVector(c), 1);
            }
            assertArrayEquals(new Object[] {12L, new BigDecimal("1.00"), "42", LocalDate.of(2024, 2, 29), 1.5}, first);
            assertArrayEquals(new Object[] {4L, new BigDecimal("2.35"), "ab", LocalDate.of(2020, 1, 1), null}, second);
        }
    }

    @Test
    void unconvertibleStringIsIncorrectValueErrorNamingColumnAndRow() {
        StrataException error = failure(C, "abc");
        assertEquals(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, error.code());
        assertEquals("Incorrect integer value: 'abc' for column 'c' at row 1", error.getMessage());
        assertEquals(ErrorCode.ER_TRUNCATED_WRONG_VALUE, failure(ArrowTypes.field("d", DataType.DATE, true), "nope").code());
    }

    @Test
    void outOfRangeTooLongAndNullIntoNotNullAreErrors() {
        assertEquals(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, failure(ArrowTypes.field("t", DataType.TINYINT, true), 300L).code());
        assertEquals(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, failure(ArrowTypes.field("d", DataType.decimal(3, 1), true), "123.4").code());
        assertEquals(ErrorCode.ER_DATA_TOO_LONG, failure(ArrowTypes.field("s", DataType.varchar(2), true), "abc").code());
        assertEquals(ErrorCode.ER_BAD_NULL_ERROR, failure(ArrowTypes.field("n", DataType.INT, false), null).code());
    }

    @Test
    void vectorCasterConvertsWholeColumns() {
        List<Object[]> rows = List.of(new Object[] {1L}, new Object[] {null}, new Object[] {-7L});
        try (VectorSchemaRoot batch = BatchBuilder.build(allocator, List.of(ArrowTypes.field("x", DataType.BIGINT, true)), rows);
             FieldVector text = VectorCaster.cast(batch.getVector(0), 3, DataType.varchar(10), "x", allocator);
             VectorSchemaRoot stored = VectorCaster.castForColumns(batch, List.of(ArrowTypes.field("y", DataType.decimal(5, 1), true)), 1, allocator)) {
            assertEquals("1", ArrowValues.get(text, 0));
            assertEquals(null, ArrowValues.get(text, 1));
            assertEquals(new BigDecimal("-7.0"), ArrowValues.get(stored.getVector(0), 2));
        }
        List<Object[]> big = List.<Object[]>of(new Object[] {5_000_000_000L});
        try (VectorSchemaRoot batch = BatchBuilder.build(allocator, List.of(ArrowTypes.field("x", DataType.BIGINT, true)), big)) {
            StrataException error = assertThrows(StrataException.class,
                    () -> VectorCaster.castForColumns(batch, List.of(ArrowTypes.field("i", DataType.INT, true)), 4, allocator).close());
            assertEquals("Out of range value for column 'i' at row 4", error.getMessage());
        }
    }
}
