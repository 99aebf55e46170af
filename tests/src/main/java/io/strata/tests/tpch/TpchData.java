package io.strata.tests.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * TPC-H rows from {@code io.trino.tpch}'s generator (dbgen's data, bit for bit) as JDBC values: keys
 * as Long, integers as Integer, money and quantities as BigDecimal with two decimals (the generator
 * keeps them in cents), dates as LocalDate, text as String.
 */
public final class TpchData {
    /** Receives one generated row; the array is the row's own. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Object[] row) throws Exception;
    }

    private TpchData() {}

    /**
     * Generates every row of {@code table} at {@code scaleFactor} into {@code sink}, after checking
     * that the generator's columns are the schema's.
     */
    public static void generate(TpchSchema.Table table, double scaleFactor, RowSink sink) throws Exception {
        generateTyped(TpchTable.getTable(table.name()), table, scaleFactor, sink);
    }

    private static <E extends TpchEntity> void generateTyped(TpchTable<E> generated, TpchSchema.Table table,
                                                            double scaleFactor, RowSink sink) throws Exception {
        List<TpchColumn<E>> columns = generated.getColumns();
        List<String> names = columns.stream().map(TpchColumn::getColumnName).toList();
        if (!names.equals(table.columnNames())) {
            throw new IllegalStateException("the generator's " + table.name() + " columns " + names
                    + " are not the schema's " + table.columnNames());
        }
        for (E entity : generated.createGenerator(scaleFactor, 1, 1)) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = value(columns.get(i), entity);
            }
            sink.accept(row);
        }
    }

    private static <E extends TpchEntity> Object value(TpchColumn<E> column, E entity) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> column.getIdentifier(entity);
            case INTEGER -> column.getInteger(entity);
            // Cents held as a double: exact once rounded to two decimals.
            case DOUBLE -> BigDecimal.valueOf(column.getDouble(entity)).setScale(2, RoundingMode.HALF_UP);
            case DATE -> LocalDate.ofEpochDay(column.getDate(entity));
            case VARCHAR -> column.getString(entity);
        };
    }
}
