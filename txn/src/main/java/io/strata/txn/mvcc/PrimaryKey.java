package io.strata.txn.mvcc;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.StringCollation;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The primary key value of one row (or the key of a UNIQUE index), compared by value: binary arrays are
 * wrapped so that equal bytes are equal keys, and strings compare under MySQL's default collation
 * ({@link StringCollation}: 'abc', 'ABC' and 'àbc' are one key, as utf8mb4_0900_ai_ci makes them).
 * {@link #values} keep what the row holds, for messages; equality, hashing and {@link #hash64} use the
 * folded form.
 */
public final class PrimaryKey {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<Object> values;
    private final List<Object> collated; // values with strings folded; the same list when none changed
    private final int hashCode;
    private final boolean hasText;

    public PrimaryKey(List<Object> values) {
        this.values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        this.collated = collate(this.values);
        this.hashCode = collated.hashCode();
        boolean text = false;
        for (int i = 0; i < this.values.size() && !text; i++) {
            text = this.values.get(i) instanceof String;
        }
        this.hasText = text;
    }

    private static List<Object> collate(List<Object> values) {
        List<Object> folded = null;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof String text) {
                String key = StringCollation.fold(text);
                if (!key.equals(text)) {
                    folded = folded == null ? new ArrayList<>(values) : folded;
                    folded.set(i, key);
                }
            }
        }
        return folded == null ? values : java.util.Collections.unmodifiableList(folded);
    }

    /** The key's values as the row holds them (strings unfolded). */
    public List<Object> values() {
        return values;
    }

    /** The values equality compares: strings folded under the collation. */
    List<Object> collated() {
        return collated;
    }

    /** Whether a part of the key is a string (older objects' key filters hashed those unfolded). */
    public boolean hasText() {
        return hasText; // asked for every object a point lookup passes: worked out once
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrimaryKey key && hashCode == key.hashCode && collated.equals(key.collated);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public String toString() {
        return "PrimaryKey" + values;
    }

    /** The key of {@code row}, reading the key columns from {@code keyVectors} (in key order). */
    public static PrimaryKey of(List<FieldVector> keyVectors, int row) {
        List<Object> values = new ArrayList<>(keyVectors.size());
        for (FieldVector vector : keyVectors) {
            Object value = ArrowValues.get(vector, row);
            values.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes.clone()) : value);
        }
        return new PrimaryKey(values);
    }

    /**
     * The key made of Java values given by a caller (in primary key order), normalized the way
     * {@link #of} reads them from vectors: integers as Long, floats as Double, decimals at the column's scale.
     */
    public static PrimaryKey ofValues(List<DataType> keyTypes, List<Object> values) {
        if (keyTypes.size() != values.size()) {
            throw new IllegalArgumentException("a key of " + keyTypes.size() + " columns, got " + values.size() + " values");
        }
        List<Object> normalized = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            normalized.add(normalize(keyTypes.get(i), values.get(i)));
        }
        return new PrimaryKey(normalized);
    }

    private static Object normalize(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INT, BIGINT -> value instanceof Boolean b ? (b ? 1L : 0L) : ((Number) value).longValue();
            case BOOLEAN -> value instanceof Boolean b ? b : ((Number) value).longValue() != 0;
            case FLOAT -> (double) ((Number) value).floatValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case DECIMAL -> (value instanceof BigDecimal d ? d : new BigDecimal(value.toString()))
                    .setScale(type.scale(), java.math.RoundingMode.HALF_UP);
            case VARBINARY, BLOB -> value instanceof byte[] bytes ? ByteBuffer.wrap(bytes.clone()) : value;
            case VARCHAR, CHAR, TEXT, JSON -> value.toString();
            default -> value;
        };
    }

    /**
     * A stable 64-bit hash of the key's folded values (what data objects' key filters hold): equal keys
     * hash equally however they were made ({@link #of} from vectors or {@link #ofValues} from a caller).
     */
    public long hash64() {
        return KeyHash.of(this);
    }

    /** The key as MySQL prints it in ER_DUP_ENTRY: the parts joined by '-'. */
    public String display() {
        return values.stream().map(PrimaryKey::displayOne).collect(Collectors.joining("-"));
    }

    private static String displayOne(Object value) {
        return switch (value) {
            case ByteBuffer bytes -> new String(bytes.array(), StandardCharsets.UTF_8);
            case BigDecimal decimal -> decimal.toPlainString();
            case LocalDateTime dateTime -> dateTime.getNano() == 0 ? DATETIME.format(dateTime) : dateTime.toString().replace('T', ' ');
            case Boolean bool -> bool ? "1" : "0";
            default -> String.valueOf(value);
        };
    }
}
