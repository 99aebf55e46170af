package io.strata.protocol.command;

import io.netty.buffer.ByteBuf;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.StatementResult;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.protocol.codec.LengthEncoded;
import io.strata.protocol.types.BinaryParameterDecoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * COM_STMT_EXECUTE: decodes the binary parameters (types from this packet when the new-params-bound
 * flag is set, else those bound last), runs the statement and answers an OK or a binary result set.
 * Cursor flags are accepted and ignored: the whole result is streamed, as without a cursor.
 */
public final class StatementExecuteCommand {
    private static final String COMMAND = "mysqld_stmt_execute";
    /** An execution using at most this much CPU (answer included) counts as quick. */
    static final long QUICK_CPU_NANOS = 1_000_000;
    /**
     * ... and taking at most this long: more means it waited (for object storage, say), not that it was
     * slow to schedule on a busy machine, which the CPU bound alone judges.
     */
    static final long QUICK_WALL_NANOS = 20_000_000;
    /** An execution answering at most this many bytes counts as quick: socket buffers take it at once. */
    static final long QUICK_BYTES = 16 * 1024;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private StatementExecuteCommand() {}

    public static void execute(CommandContext context, ByteBuf in) {
        LengthEncoded.require(in, 9);
        int statementId = in.readIntLE();
        in.skipBytes(1 + 4); // flags (cursor type), iteration count (always 1)
        PreparedStatementRegistry.Statement statement = context.statements().get(statementId, COMMAND);
        List<Object> parameters;
        try {
            if (statement.longDataTooLarge) {
                throw StrataException.of(ErrorCode.ER_NET_PACKET_TOO_LARGE,
                        "Parameter of prepared statement which is set through mysql_send_long_data() is longer than "
                                + "'max_allowed_packet' bytes");
            }
            parameters = readParameters(statement, in);
        } finally {
            PreparedStatementRegistry.resetLongData(statement);
        }
        long started = System.nanoTime();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long bytesBefore = context.writer().bytesWritten();
        statement.ranQuickly = false; // until this execution shows otherwise
        try (StatementResult result = context.session().executePrepared(statementId, parameters)) {
            ResultSetWriter.write(context, result, true, 0);
        }
        statement.ranQuickly = ranQuickly(THREADS.getCurrentThreadCpuTime() - cpuBefore, System.nanoTime() - started,
                context.writer().bytesWritten() - bytesBefore);
    }

    /**
     * Whether an execution that used {@code cpuNanos} of CPU in {@code wallNanos} and answered {@code bytes}
     * was quick: its next one may then run on the IO thread (for statements the session calls cached
     * reads), since a cached plan usually reads as much each time. One that turns out slow goes back to a
     * worker the time after.
     */
    static boolean ranQuickly(long cpuNanos, long wallNanos, long bytes) {
        return cpuNanos <= QUICK_CPU_NANOS && wallNanos <= QUICK_WALL_NANOS && bytes <= QUICK_BYTES;
    }

    private static List<Object> readParameters(PreparedStatementRegistry.Statement statement, ByteBuf in) {
        List<ResultColumn> declared = statement.info.parameters();
        int count = declared.size();
        if (count == 0) {
            return List.of();
        }
        int bitmapBytes = (count + 7) / 8;
        LengthEncoded.require(in, bitmapBytes + 1);
        byte[] nullBitmap = new byte[bitmapBytes];
        in.readBytes(nullBitmap);
        if (in.readByte() != 0) {
            LengthEncoded.require(in, 2 * count);
            int[] types = new int[count];
            for (int i = 0; i < count; i++) {
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                types[i] = type | (flags & BinaryParameterDecoder.UNSIGNED_FLAG) << 1;
            }
            statement.parameterTypes = types;
        } else if (statement.parameterTypes == null) {
            throw StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS,
                    "Incorrect arguments to %s: no parameter types were ever bound", COMMAND);
        }
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int wireType = statement.parameterTypes[i] & 0xFF;
            boolean unsigned = (statement.parameterTypes[i] >> 8) != 0;
            ByteArrayOutputStream longData = statement.longData.get(i);
            DataType declaredType = declared.get(i).type();
            boolean binaryTarget = declaredType.kind() == TypeKind.VARBINARY || declaredType.kind() == TypeKind.BLOB;
            Object value;
            if (longData != null) {
                // Values sent with COM_STMT_SEND_LONG_DATA are not repeated in the execute packet.
                value = BinaryParameterDecoder.fromLongData(longData.toByteArray(), wireType, binaryTarget);
            } else if ((nullBitmap[i / 8] & (1 << (i % 8))) != 0) {
                value = null;
            } else {
                value = BinaryParameterDecoder.read(in, wireType, unsigned, binaryTarget);
            }
            values.add(coerce(value, declaredType));
        }
        return values;
    }

    /** Adapts the client's choice of wire type to what the statement declared where Java classes differ. */
    private static Object coerce(Object value, DataType declared) {
        return switch (declared.kind()) {
            case BOOLEAN -> value instanceof Long number ? Boolean.valueOf(number != 0) : value;
            case VARBINARY, BLOB -> value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : value;
            case VARCHAR, CHAR, TEXT, JSON, VECF32, VECF64 ->
                    value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value;
            default -> value;
        };
    }

}
