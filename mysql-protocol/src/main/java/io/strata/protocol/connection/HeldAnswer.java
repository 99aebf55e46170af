package io.strata.protocol.connection;

import io.netty.channel.Channel;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.protocol.codec.ErrorPacket;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.codec.ResponsePackets;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends an answer gathered in a connection's writer once the commit it reports is durable: the OK as
 * written, or, if the log write failed, an error in its place (the client must not take the commit as
 * made). Sent from the connection's event loop, which the log's completion only wakes.
 */
final class HeldAnswer {
    private HeldAnswer() {}

    /**
     * Sends the answer in {@code writer} (its first packet numbered {@code sequenceId}) when {@code durable}
     * completes; the returned future completes once it is sent (or dropped because the server is closing).
     */
    static CompletableFuture<Void> sendWhen(CompletableFuture<?> durable, Channel channel, PacketWriter writer, int sequenceId) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        durable.whenComplete((result, error) -> {
            try {
                channel.eventLoop().execute(() -> {
                    try {
                        send(writer, sequenceId, error);
                    } finally {
                        sent.complete(null);
                    }
                });
            } catch (RejectedExecutionException e) {
                writer.discard(); // the event loop has stopped: the server is closing, the connection with it
                sent.complete(null);
            }
        });
        return sent;
    }

    private static void send(PacketWriter writer, int sequenceId, Throwable error) {
        if (error != null) {
            writer.discard();
            writer.sequenceId(sequenceId);
            ResponsePackets.error(writer, ErrorPacket.of(asStrataException(error)));
        }
        writer.flush();
    }

    private static StrataException asStrataException(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof StrataException strata ? strata
                : new StrataException(ErrorCode.ER_STORAGE_FAILURE, "commit not known to be durable: " + cause, cause);
    }
}
