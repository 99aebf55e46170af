package io.strata.protocol.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.strata.protocol.codec.Capabilities;
import io.strata.protocol.codec.LengthEncoded;
import io.strata.protocol.codec.MalformedPacketException;

/**
 * The client's Protocol::HandshakeResponse41 (or the 32-byte SSLRequest that precedes it over TLS).
 *
 * @param authPlugin the plugin the client used for {@code authResponse}; empty when it named none
 * @param database   the schema to start in, or null
 */
public record HandshakeResponse(int capabilities, int maxPacketSize, int charset, String user,
                                byte[] authResponse, String database, String authPlugin) {
    private static final int SSL_REQUEST_LENGTH = 32;

    /** A 32-byte packet with CLIENT_SSL: the client asks for TLS before sending its real response. */
    public static boolean isSslRequest(byte[] payload) {
        if (payload.length != SSL_REQUEST_LENGTH) {
            return false;
        }
        int capabilities = Unpooled.wrappedBuffer(payload).getIntLE(0);
        return Capabilities.has(capabilities, Capabilities.CLIENT_SSL);
    }

    public static HandshakeResponse parse(byte[] payload) {
        ByteBuf in = Unpooled.wrappedBuffer(payload);
        LengthEncoded.require(in, SSL_REQUEST_LENGTH);
        int capabilities = in.readIntLE();
        if (!Capabilities.has(capabilities, Capabilities.CLIENT_PROTOCOL_41)) {
            throw new MalformedPacketException("client without CLIENT_PROTOCOL_41 (pre-4.1 clients are not supported)");
        }
        int maxPacketSize = in.readIntLE();
        int charset = in.readUnsignedByte();
        in.skipBytes(23);
        String user = LengthEncoded.readNulString(in);
        byte[] authResponse = readAuthResponse(in, capabilities);
        String database = null;
        if (Capabilities.has(capabilities, Capabilities.CLIENT_CONNECT_WITH_DB) && in.isReadable()) {
            database = LengthEncoded.readNulString(in);
            if (database.isEmpty()) {
                database = null;
            }
        }
        String plugin = "";
        if (Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH) && in.isReadable()) {
            plugin = LengthEncoded.readNulString(in);
        }
        // Connection attributes (CLIENT_CONNECT_ATTRS) follow; Strata does not use them.
        return new HandshakeResponse(capabilities, maxPacketSize, charset, user, authResponse, database, plugin);
    }

    private static byte[] readAuthResponse(ByteBuf in, int capabilities) {
        if (Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            return LengthEncoded.readBytes(in);
        }
        if (Capabilities.has(capabilities, Capabilities.CLIENT_SECURE_CONNECTION)) {
            LengthEncoded.require(in, 1);
            int length = in.readUnsignedByte();
            LengthEncoded.require(in, length);
            byte[] bytes = new byte[length];
            in.readBytes(bytes);
            return bytes;
        }
        String text = LengthEncoded.readNulString(in);
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
