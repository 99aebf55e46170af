package io.strata.protocol.command;

import io.netty.buffer.ByteBuf;
import io.strata.common.session.PreparedStatementInfo;
import io.strata.protocol.codec.LengthEncoded;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.codec.ResponsePackets;

import java.nio.charset.StandardCharsets;

/** COM_STMT_PREPARE, COM_STMT_SEND_LONG_DATA, COM_STMT_RESET and COM_STMT_CLOSE. */
public final class StatementCommands {
    private StatementCommands() {}

    /** Payload after the command byte: the SQL text. Answers COM_STMT_PREPARE_OK and the definitions. */
    public static void prepare(CommandContext context, ByteBuf in) {
        String sql = in.toString(StandardCharsets.UTF_8);
        PreparedStatementInfo info = context.session().prepare(sql);
        context.statements().add(info);
        PacketWriter writer = context.writer();
        ByteBuf out = writer.begin();
        out.writeByte(0x00);
        out.writeIntLE(info.statementId());
        out.writeShortLE(info.columns().size());
        out.writeShortLE(info.parameters().size());
        out.writeByte(0);
        out.writeShortLE(Math.min(context.session().warningCount(), 0xFFFF));
        writer.end();
        if (!info.parameters().isEmpty()) {
            ResultSetWriter.writeDefinitions(context, info.parameters());
        }
        if (!info.columns().isEmpty()) {
            ResultSetWriter.writeDefinitions(context, info.columns());
        }
    }

    /** statement id (4), parameter (2), data (rest). No reply, even on error (MySQL reports it at execute). */
    public static void sendLongData(CommandContext context, ByteBuf in) {
        LengthEncoded.require(in, 6);
        int statementId = in.readIntLE();
        int parameter = in.readUnsignedShortLE();
        PreparedStatementRegistry.Statement statement = context.statements().find(statementId);
        if (statement == null || parameter >= statement.info.parameters().size()) {
            return;
        }
        byte[] data = new byte[in.readableBytes()];
        in.readBytes(data);
        context.statements().appendLongData(statement, parameter, data, 0, data.length);
    }

    public static void reset(CommandContext context, ByteBuf in) {
        LengthEncoded.require(in, 4);
        PreparedStatementRegistry.Statement statement = context.statements().get(in.readIntLE(), "mysqld_stmt_reset");
        PreparedStatementRegistry.resetLongData(statement);
        ResponsePackets.ok(context.writer(), 0, 0, context.status(), 0, "");
    }

    /** No reply; unknown ids are ignored, as MySQL does. */
    public static void close(CommandContext context, ByteBuf in) {
        LengthEncoded.require(in, 4);
        int statementId = in.readIntLE();
        context.statements().remove(statementId);
        context.session().closePrepared(statementId);
    }
}
