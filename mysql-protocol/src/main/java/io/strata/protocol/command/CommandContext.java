package io.strata.protocol.command;

import io.strata.common.session.Session;
import io.strata.protocol.codec.Capabilities;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.codec.ServerStatus;

import java.util.Objects;

/**
 * What a command needs of its connection once the client is authenticated: the session, the packet
 * writer, the negotiated capabilities and the connection's prepared-statement state. Used by one
 * worker thread at a time.
 */
public final class CommandContext {
    private final Session session;
    private final PacketWriter writer;
    private final int capabilities;
    private final PreparedStatementRegistry statements;
    private final ServerInfo server;
    private boolean multiStatements;
    private java.util.concurrent.CompletableFuture<?> answerAwaits; // see takeAnswerAwaits

    public CommandContext(Session session, PacketWriter writer, int capabilities, long maxPacketSizeInBytes, ServerInfo server) {
        this.session = Objects.requireNonNull(session, "session");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.capabilities = capabilities;
        this.statements = new PreparedStatementRegistry(maxPacketSizeInBytes);
        this.server = Objects.requireNonNull(server, "server");
        this.multiStatements = Capabilities.has(capabilities, Capabilities.CLIENT_MULTI_STATEMENTS);
    }

    public Session session() { return session; }

    public PacketWriter writer() { return writer; }

    public PreparedStatementRegistry statements() { return statements; }

    public ServerInfo server() { return server; }

    public boolean deprecateEof() {
        return Capabilities.has(capabilities, Capabilities.CLIENT_DEPRECATE_EOF);
    }

    public boolean multiResults() {
        return Capabilities.has(capabilities, Capabilities.CLIENT_MULTI_RESULTS);
    }

    public boolean multiStatements() { return multiStatements; }

    /** COM_SET_OPTION turns multi-statements on and off for the rest of the connection. */
    public void multiStatements(boolean enabled) { this.multiStatements = enabled; }

    /** Keeps the command's gathered answer unsent until {@code durable} (a commit's log write) completes. */
    void answerAwaits(java.util.concurrent.CompletableFuture<?> durable) { this.answerAwaits = durable; }

    /**
     * After a command: the commit log write its answer waits for (the answer is gathered in the writer,
     * unsent; the caller sends it, or an error if the future fails), or null when the answer was sent.
     */
    public java.util.concurrent.CompletableFuture<?> takeAnswerAwaits() {
        java.util.concurrent.CompletableFuture<?> taken = answerAwaits;
        answerAwaits = null;
        return taken;
    }

    /** The status flags every OK/EOF carries, from the session's transaction state. */
    public int status() {
        int status = 0;
        if (session.inTransaction()) {
            status |= ServerStatus.IN_TRANS;
        }
        if (session.autocommit()) {
            status |= ServerStatus.AUTOCOMMIT;
        }
        return status;
    }
}
