package io.strata.storage.format;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a data object in memory: rows in blocks of at most {@code blockRows}, one chunk per column per
 * block (an Arrow IPC stream of a one-column batch), then the footer and trailer ({@link FooterCodec}).
 * Lifecycle: construct, {@link #write} any number of batches, {@link #finish} once.
 */
public final class DataObjectWriter {
    public static final int DEFAULT_BLOCK_ROWS = 8192;

    private final List<ColumnSchema> schema;
    private final int blockRows;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<BlockMeta> blocks = new ArrayList<>();
    private long rowCount;
    private boolean finished;

    /** {@code fields} must be made by {@link io.strata.common.type.ArrowTypes#field}. */
    public DataObjectWriter(List<Field> fields, int blockRows) {
        if (blockRows <= 0) {
            throw new IllegalArgumentException("blockRows must be positive: " + blockRows);
        }
        this.schema = fields.stream().map(ColumnSchema::of).toList();
        this.blockRows = blockRows;
    }

    /** Appends the rows of {@code batch} (the caller still owns it), whose columns match the schema. */
    public void write(VectorSchemaRoot batch) {
        Objects.requireNonNull(batch, "batch");
        if (finished) {
            throw new IllegalStateException("writer already finished");
        }
        if (batch.getFieldVectors().size() != schema.size()) {
            throw new IllegalArgumentException("batch has " + batch.getFieldVectors().size() + " columns, object has "
                    + schema.size());
        }
        for (int start = 0; start < batch.getRowCount(); start += blockRows) {
            int length = Math.min(blockRows, batch.getRowCount() - start);
            try (VectorSchemaRoot slice = batch.slice(start, length)) {
                writeBlock(slice);
            }
        }
    }

    /** The object's bytes. */
    public byte[] finish() {
        if (finished) {
            throw new IllegalStateException("writer already finished");
        }
        finished = true;
        byte[] footer = FooterCodec.encode(new ObjectFooter(schema, rowCount, blocks));
        out.writeBytes(footer);
        out.writeBytes(FooterCodec.trailer(footer.length));
        return out.toByteArray();
    }

    public long rowCount() {
        return rowCount;
    }

    private void writeBlock(VectorSchemaRoot slice) {
        List<ColumnChunk> chunks = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            FieldVector vector = slice.getVector(c);
            ColumnSchema column = schema.get(c);
            if (!column.type().equals(ColumnSchema.of(vector.getField()).type())) {
                throw new StrataException(ErrorCode.ER_UNKNOWN_ERROR, "column " + column.name() + " is "
                        + ColumnSchema.of(vector.getField()).type() + ", object expects " + column.type());
            }
            // A one-column root borrows the vector; it is not closed here because the slice owns it.
            VectorSchemaRoot single = new VectorSchemaRoot(List.of(vector.getField()), List.of(vector), slice.getRowCount());
            byte[] bytes = ArrowIpc.write(single);
            Object[] minMax = column.orderable() ? ZoneMapBuilder.minMax(vector) : new Object[2];
            chunks.add(new ColumnChunk(out.size(), bytes.length, minMax[0], minMax[1], vector.getNullCount()));
            out.writeBytes(bytes);
        }
        blocks.add(new BlockMeta(slice.getRowCount(), chunks));
        rowCount += slice.getRowCount();
    }
}
