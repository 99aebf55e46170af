package io.strata.protocol.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.protocol.codec.ErrorPacket;
import io.strata.protocol.codec.LengthEncoded;
import io.strata.protocol.codec.MalformedPacketException;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.codec.ResponsePackets;
import io.strata.protocol.types.ColumnDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs one command-phase packet and writes its answer (held back while a commit the command made is
 * not durable yet: see {@link CommandContext#takeAnswerAwaits}). A {@link StrataException} becomes an ERR
 * packet with its code; any other runtime failure is logged with its stack and answered 1105, and
 * the connection goes on. A {@link MalformedPacketException} propagates: the caller closes.
 */
public final class CommandDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final int MULTI_STATEMENTS_ON = 0;
    private static final int MULTI_STATEMENTS_OFF = 1;

    private CommandDispatcher() {}

    /** Whether the connection should be closed after this command (COM_QUIT). */
    public static boolean dispatch(CommandContext context, byte[] payload) {
        if (payload.length == 0) {
            throw new MalformedPacketException("empty command packet");
        }
        int command = payload[0] & 0xFF;
        ByteBuf in = Unpooled.wrappedBuffer(payload, 1, payload.length - 1);
        if (command == Command.QUIT) {
            return true;
        }
        boolean replies = command != Command.STMT_CLOSE && command != Command.STMT_SEND_LONG_DATA;
        try {
            run(context, command, in);
        } catch (MalformedPacketException e) {
            throw e;
        } catch (io.strata.common.error.WouldWaitException e) {
            context.writer().abandon();
            throw e; // answered by the command's second run, where it may wait
        } catch (StrataException e) {
            context.writer().abandon();
            if (replies) {
                ResponsePackets.error(context.writer(), ErrorPacket.of(e));
            } else {
                LOG.debug("command 0x{} failed without a reply: {}", Integer.toHexString(command), e.getMessage());
            }
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            // a library's failed assertion or a very deep plan fails the statement, not the connection
            context.writer().abandon();
            LOG.error("internal error in command 0x{}", Integer.toHexString(command), e);
            if (replies) {
                ResponsePackets.error(context.writer(), ErrorPacket.of(ErrorCode.ER_UNKNOWN_ERROR,
                        "Internal error: " + e));
            }
        }
        java.util.concurrent.CompletableFuture<?> undurable = context.session().takeUndurableCommit();
        if (undurable != null) {
            context.answerAwaits(undurable); // an OK must not promise a commit the log has not made durable
        } else {
            context.writer().flush();
        }
        return false;
    }

    private static void run(CommandContext context, int command, ByteBuf in) {
        PacketWriter writer = context.writer();
        switch (command) {
            case Command.QUERY -> QueryCommand.execute(context, in);
            case Command.STMT_PREPARE -> StatementCommands.prepare(context, in);
            case Command.STMT_EXECUTE -> StatementExecuteCommand.execute(context, in);
            case Command.STMT_SEND_LONG_DATA -> StatementCommands.sendLongData(context, in);
            case Command.STMT_CLOSE -> StatementCommands.close(context, in);
            case Command.STMT_RESET -> StatementCommands.reset(context, in);
            case Command.PING -> ResponsePackets.ok(writer, 0, 0, context.status(), 0, "");
            case Command.INIT_DB -> {
                context.session().useDatabase(in.toString(StandardCharsets.UTF_8));
                ResponsePackets.ok(writer, 0, 0, context.status(), 0, "");
            }
            case Command.FIELD_LIST -> fieldList(context, in);
            case Command.RESET_CONNECTION -> {
                context.session().reset();
                context.statements().clear();
                ResponsePackets.ok(writer, 0, 0, context.status(), 0, "");
            }
            case Command.SET_OPTION -> setOption(context, in);
            case Command.STATISTICS -> statistics(context);
            case Command.PROCESS_KILL -> kill(context, in);
            default -> throw StrataException.of(ErrorCode.ER_UNKNOWN_COM_ERROR, "Unknown command");
        }
    }

    private static void fieldList(CommandContext context, ByteBuf in) {
        String table = LengthEncoded.readNulString(in);
        String wildcard = LengthEncoded.readRestString(in);
        List<ResultColumn> columns = context.session().fieldList(table, wildcard);
        PacketWriter writer = context.writer();
        for (ResultColumn column : columns) {
            ColumnDefinition.write(writer.begin(), column, true);
            writer.end();
        }
        ResponsePackets.endOfRows(writer, context.deprecateEof(), 0, context.status());
    }

    private static void setOption(CommandContext context, ByteBuf in) {
        LengthEncoded.require(in, 2);
        int option = in.readUnsignedShortLE();
        switch (option) {
            case MULTI_STATEMENTS_ON -> context.multiStatements(true);
            case MULTI_STATEMENTS_OFF -> context.multiStatements(false);
            default -> throw StrataException.of(ErrorCode.ER_UNKNOWN_COM_ERROR, "Unknown option %d to COM_SET_OPTION", option);
        }
        ResponsePackets.endOfRows(context.writer(), context.deprecateEof(), 0, context.status());
    }

    private static void statistics(CommandContext context) {
        ServerInfo server = context.server();
        long uptime = Math.max(1, server.uptimeSeconds());
        String text = String.format("Uptime: %d  Threads: %d  Questions: %d  Slow queries: 0  Opens: 0  "
                        + "Flush tables: 0  Open tables: 0  Queries per second avg: %.3f",
                uptime, server.connectionCount(), server.questionCount(), (double) server.questionCount() / uptime);
        // COM_STATISTICS answers a bare string packet, without an OK header.
        context.writer().begin().writeBytes(text.getBytes(StandardCharsets.UTF_8));
        context.writer().end();
    }

    private static void kill(CommandContext context, ByteBuf in) {
        LengthEncoded.require(in, 4);
        long id = in.readUnsignedIntLE();
        if (!context.server().kill(id, false)) {
            context.writer().abandon();
            ResponsePackets.error(context.writer(), ErrorPacket.unknownThread(id));
            return;
        }
        if (id != context.session().connectionId()) {
            ResponsePackets.ok(context.writer(), 0, 0, context.status(), 0, "");
        }
    }
}
