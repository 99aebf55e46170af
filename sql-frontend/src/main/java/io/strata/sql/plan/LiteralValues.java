package io.strata.sql.plan;

import io.strata.common.type.DataType;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The Java value of a Calcite literal, of the class {@link DataType} names for its type. */
public final class LiteralValues {
    private LiteralValues() {}

    public static Object value(RexLiteral literal, DataType type) {
        if (literal.isNull()) {
            return null;
        }
        return switch (type.kind()) {
            case NULL -> null;
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case TINYINT, SMALLINT, INT, BIGINT -> literal.getValueAs(BigDecimal.class).longValueExact();
            case DECIMAL -> literal.getValueAs(BigDecimal.class);
            case FLOAT, DOUBLE -> literal.getValueAs(Double.class);
            case VARCHAR, CHAR, TEXT, JSON -> literal.getValueAs(String.class);
            case VARBINARY, BLOB -> literal.getValueAs(ByteString.class).getBytes();
            case DATE -> LocalDate.parse(literal.getValueAs(DateString.class).toString());
            case TIME -> LocalTime.parse(literal.getValueAs(TimeString.class).toString());
            case DATETIME, TIMESTAMP -> LocalDateTime.parse(literal.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
            case VECF32, VECF64 -> throw UnsupportedFeature.of("vector literal of type " + literal.getType());
        };
    }
}
