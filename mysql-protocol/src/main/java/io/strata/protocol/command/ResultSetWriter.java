package io.strata.protocol.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.RowCursor;
import io.strata.common.session.StatementResult;
import io.strata.protocol.codec.LengthEncoded;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.codec.ResponsePackets;
import io.strata.protocol.types.BinaryValueEncoder;
import io.strata.protocol.types.ColumnDefinition;
import io.strata.protocol.types.TextValueEncoder;

import java.util.List;

/**
 * Streams one statement's outcome: an OK packet, or a result set (column count, definitions, rows
 * in the text or binary protocol, end packet). Rows go out as the cursor yields them; the writer
 * flushes in chunks and waits while the client is slow. A failure while rows stream abandons the
 * packet under way and propagates, so the caller answers an ERR instead of the end packet.
 */
public final class ResultSetWriter {
    private ResultSetWriter() {}

    /** Writes {@code result}; {@code extraStatus} (e.g. SERVER_MORE_RESULTS_EXISTS) goes into its final packet. */
    public static void write(CommandContext context, StatementResult result, boolean binary, int extraStatus) {
        switch (result) {
            case StatementResult.Ok ok -> ResponsePackets.ok(context.writer(), ok.affectedRows(), ok.lastInsertId(),
                    context.status() | extraStatus, Math.max(ok.warnings(), context.session().warningCount()), ok.info());
            case StatementResult.Rows rows -> writeRows(context, rows, binary, extraStatus);
        }
    }

    private static void writeRows(CommandContext context, StatementResult.Rows rows, boolean binary, int extraStatus) {
        PacketWriter writer = context.writer();
        List<ResultColumn> columns = rows.columns();
        writeColumns(context, columns);
        RowCursor cursor = rows.rows();
        try {
            while (cursor.hasNext()) {
                Object[] row = cursor.next();
                if (row.length != columns.size()) {
                    throw new IllegalStateException("row of " + row.length + " values for " + columns.size() + " columns");
                }
                ByteBuf out = writer.begin();
                if (binary) {
                    writeBinaryRow(out, columns, row);
                } else {
                    writeTextRow(out, columns, row);
                }
                writer.end();
            }
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
        ResponsePackets.endOfRows(writer, context.deprecateEof(), context.session().warningCount(),
                context.status() | extraStatus);
    }

    /** Column count, one definition per column, and the EOF that CLIENT_DEPRECATE_EOF drops. */
    static void writeColumns(CommandContext context, List<ResultColumn> columns) {
        PacketWriter writer = context.writer();
        LengthEncoded.writeInt(writer.begin(), columns.size());
        writer.end();
        writeDefinitions(context, columns);
    }

    /** Definitions then, without CLIENT_DEPRECATE_EOF, an EOF (also used for COM_STMT_PREPARE's lists). */
    static void writeDefinitions(CommandContext context, List<ResultColumn> columns) {
        PacketWriter writer = context.writer();
        for (ResultColumn column : columns) {
            ColumnDefinition.write(writer.begin(), column, false);
            writer.end();
        }
        ResponsePackets.endOfColumns(writer, context.deprecateEof(), 0, context.status());
    }

    private static void writeTextRow(ByteBuf out, List<ResultColumn> columns, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                out.writeByte(LengthEncoded.NULL_MARKER);
            } else if (value instanceof String text) {
                // The common case, written without an intermediate byte[].
                LengthEncoded.writeInt(out, ByteBufUtil.utf8Bytes(text));
                ByteBufUtil.writeUtf8(out, text);
            } else {
                LengthEncoded.writeBytes(out, TextValueEncoder.encode(value, columns.get(i).type()));
            }
        }
    }

    /** Protocol::BinaryResultsetRow: 0x00, a NULL bitmap with an offset of 2 bits, then the non-NULL values. */
    private static void writeBinaryRow(ByteBuf out, List<ResultColumn> columns, Object[] row) {
        out.writeByte(0);
        int bitmapStart = out.writerIndex();
        int bitmapBytes = (row.length + 7 + 2) / 8;
        out.writeZero(bitmapBytes);
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                int bit = i + 2;
                int at = bitmapStart + bit / 8;
                out.setByte(at, out.getByte(at) | (1 << (bit % 8)));
            } else {
                BinaryValueEncoder.write(out, value, columns.get(i).type());
            }
        }
    }
}
