package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.JavaValueConverter;
import io.strata.sql.exec.StatementContext;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers up to {@link #BATCH_ROWS} rows of a LOAD DATA file and turns them into one Arrow batch of the
 * table's columns, a column at a time: the fields' text converted to the column's type in one pass, SET
 * expressions evaluated over the batch, defaults for columns not given, AUTO_INCREMENT values assigned.
 * Row-shape problems are raised as rows arrive; conversion problems when the batch is built.
 */
final class LoadBatchBuilder {
    static final int BATCH_ROWS = 8192;

    private final TableDefinition table;
    private final LoadColumnSources sources;
    private final LoadAssignments assignments; // null without SET expressions
    private final LoadConditions conditions;
    private final Charset charset;
    private final Object[] defaults; // per column, typed; null where the column has none (or it is NULL)
    private final BatchFields fields;
    private long firstRowNumber = 1;
    private int rows;

    LoadBatchBuilder(TableDefinition table, LoadColumnSources sources, LoadAssignments assignments,
                     LoadConditions conditions, Charset charset, StatementContext context) {
        this.table = table;
        this.sources = sources;
        this.assignments = assignments;
        this.conditions = conditions;
        this.charset = charset;
        this.defaults = new Object[table.columns().size()];
        for (int c = 0; c < defaults.length; c++) {
            ColumnDefinition column = table.columns().get(c);
            Object value = column.autoIncrement() ? null : io.strata.sql.exec.ColumnDefaults.value(column, context.now());
            defaults[c] = value == null ? null : JavaValueConverter.convertForColumn(value, column.type(), column.name(), 1);
        }
        this.fields = new BatchFields(sources.fieldCount(), BATCH_ROWS);
    }

    boolean isEmpty() { return rows == 0; }

    boolean isFull() { return rows == BATCH_ROWS; }

    int rowCount() { return rows; }

    /** Takes one row of the file, the {@code rowNumber}-th (1-based) of the statement. */
    void add(FieldRow row, long rowNumber) {
        if (rows == 0) {
            firstRowNumber = rowNumber;
        }
        int expected = fields.fieldCount();
        fields.set(rows, row);
        rows++;
        if (row.fieldCount() < expected) {
            conditions.raise(ErrorCode.ER_WARN_TOO_FEW_RECORDS, "Row %d doesn't contain data for all columns", rowNumber);
        } else if (row.fieldCount() > expected) {
            conditions.raise(ErrorCode.ER_WARN_TOO_MANY_RECORDS,
                    "Row %d was truncated; it contained more data than there were input columns", rowNumber);
        }
    }

    /** The rows gathered as one batch of the table's columns (the caller closes it); empties the builder. */
    VectorSchemaRoot build(StatementContext context) {
        Object[][] assigned = assignments == null ? null : assignments.evaluate(fieldRows(), context);
        List<Field> arrowFields = new ArrayList<>(table.columns().size());
        List<FieldVector> vectors = new ArrayList<>(table.columns().size());
        try {
            for (int c = 0; c < table.columns().size(); c++) {
                ColumnDefinition definition = table.columns().get(c);
                Column column = columnValues(c, definition, assigned);
                if (definition.autoIncrement()) {
                    AutoIncrementFill.fill(column, table, context.transaction());
                }
                Field field = ArrowTypes.field(definition.name(), definition.type(), definition.nullable());
                arrowFields.add(field);
                vectors.add(column.write(field, context.allocator(), 0, rows));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        VectorSchemaRoot batch = new VectorSchemaRoot(arrowFields, vectors, rows);
        rows = 0;
        fields.clear();
        return batch;
    }

    private Column columnValues(int c, ColumnDefinition definition, Object[][] assigned) {
        DataType type = definition.type();
        int assignment = sources.assignmentOfColumn()[c];
        int field = sources.fieldOfColumn()[c];
        Column column;
        if (assignment >= 0 && assigned[assignment] != null) {
            Object[] values = java.util.Arrays.copyOf(assigned[assignment], rows);
            column = ColumnConversion.convert(fromJavaValues(values), type, definition.name(), firstRowNumber, conditions);
        } else if (field >= 0 && assignment < 0) {
            column = FieldParsers.handles(type) ? FieldParsers.parse(fields, field, rows, type) : null;
            if (column == null) {
                column = ColumnConversion.convert(Column.fromValues(DataType.TEXT, texts(field)), type, definition.name(),
                        firstRowNumber, conditions);
            }
            for (int row = 0; row < rows; row++) {
                if (fields.isMissing(field, row)) {
                    column.set(row, defaults[c]);
                }
            }
        } else {
            column = Column.constant(defaults[c], type, rows);
            if (defaults[c] == null && !definition.nullable() && !definition.autoIncrement()
                    && definition.defaultSql() == null) {
                conditions.raise(ErrorCode.ER_NO_DEFAULT_FOR_FIELD, "Field '%s' doesn't have a default value", definition.name());
            }
        }
        if (!definition.nullable() && !definition.autoIncrement()) {
            replaceNulls(column, definition);
        }
        return column;
    }

    /** NULL into a NOT NULL column: the statement's error when strict, else the type's implicit default. */
    private void replaceNulls(Column column, ColumnDefinition definition) {
        Object implicit = null;
        for (int row = 0; row < rows; row++) {
            if (column.isNull(row)) {
                conditions.raise(ErrorCode.ER_WARN_NULL_TO_NOTNULL,
                        "Column set to default value; NULL supplied to NOT NULL column '%s' at row %d",
                        definition.name(), firstRowNumber + row);
                if (implicit == null) {
                    implicit = ColumnConversion.implicitDefault(definition.type());
                    if (implicit == null) {
                        throw io.strata.common.error.StrataException.of(ErrorCode.ER_BAD_NULL_ERROR,
                                "Column '%s' cannot be null", definition.name());
                    }
                }
                column.set(row, implicit);
            }
        }
    }

    /** SET results, of whatever classes the expressions gave, as one column (the first non-NULL's type). */
    private static Column fromJavaValues(Object[] values) {
        DataType type = DataType.TEXT;
        for (Object value : values) {
            if (value != null) {
                type = JavaValueConverter.typeOf(value);
                break;
            }
        }
        Object[] normalized = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            normalized[i] = JavaValueConverter.convert(values[i], type);
        }
        return Column.fromValues(type, normalized);
    }

    private Object[] texts(int field) {
        Object[] texts = new Object[rows];
        for (int row = 0; row < rows; row++) {
            texts[row] = fields.text(field, row, charset);
        }
        return texts;
    }

    /** The batch's fields as rows (for SET evaluation), in column-list order. */
    private List<Object[]> fieldRows() {
        List<Object[]> result = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            Object[] values = new Object[fields.fieldCount()];
            for (int field = 0; field < values.length; field++) {
                values[field] = fields.text(field, row, charset);
            }
            result.add(values);
        }
        return result;
    }
}
