package io.strata.compute.operator;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.RowCursor;
import io.strata.compute.expression.Column;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Result rows of an operator tree for the protocol: pulls batches on demand and yields each row as
 * a new {@code Object[]} of the Java values {@link io.strata.common.type.DataType} names. Closes the
 * operator, then the statement's memory (its spill files and allocator) when the rows run out, on an error,
 * or on {@link #close()}, whichever comes first. Running out of the allocator's memory is reported as
 * {@link ErrorCode#ER_OUT_OF_RESOURCES}.
 */
public final class OperatorRowCursor implements RowCursor {
    private final Operator operator;
    private final QueryMemory memory;
    private VectorSchemaRoot batch;
    private Column[] columns;
    private int row;
    private boolean closed;

    /** Rows of {@code operator}, whose memory someone else closes. */
    public OperatorRowCursor(Operator operator) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.memory = null;
    }

    /** Rows of {@code operator}, made with {@code memory}, which closing this closes after the operator. */
    public OperatorRowCursor(Operator operator, QueryMemory memory) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    @Override
    public boolean hasNext() {
        while (!closed && (batch == null || row >= batch.getRowCount())) {
            try {
                batch = operator.next();
            } catch (OutOfMemoryException e) {
                close();
                throw memory != null ? memory.exceededByStatement(e) : new StrataException(ErrorCode.ER_OUT_OF_RESOURCES,
                        "Out of memory: the statement needs more than its memory limit allows", e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            row = 0;
            if (batch == null) {
                close();
            } else {
                decode(batch);
            }
        }
        return !closed;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] values = new Object[columns.length];
        for (int c = 0; c < values.length; c++) {
            values[c] = columns[c].get(row);
        }
        row++;
        return values;
    }

    /** Decodes the whole batch a column at a time; rows are then read from the arrays. */
    private void decode(VectorSchemaRoot current) {
        List<FieldVector> vectors = current.getFieldVectors();
        columns = new Column[vectors.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Column.read(vectors.get(c), current.getRowCount());
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            batch = null;
            columns = null;
            try {
                operator.close();
            } finally {
                if (memory != null) {
                    memory.close();
                }
            }
        }
    }
}
