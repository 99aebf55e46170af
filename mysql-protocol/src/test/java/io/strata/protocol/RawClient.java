package io.strata.protocol;

import io.strata.protocol.auth.CachingSha2Password;
import io.strata.protocol.auth.NativePassword;
import io.strata.protocol.codec.Capabilities;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A deliberately small MySQL client over a plain socket, for what real drivers cannot be made to
 * do: leave out CLIENT_DEPRECATE_EOF, send garbage, pick odd auth plugins, look at raw packets.
 */
final class RawClient implements AutoCloseable {
    record Packet(int sequenceId, byte[] payload) {
        int header() {
            return payload.length == 0 ? -1 : payload[0] & 0xFF;
        }

        boolean isEof() {
            return header() == 0xFE && payload.length < 9;
        }

        boolean isError() {
            return header() == 0xFF;
        }

        int errorCode() {
            return (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8;
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    static final int BASE_CAPABILITIES = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION
            | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
            | Capabilities.CLIENT_TRANSACTIONS | Capabilities.CLIENT_MULTI_RESULTS | Capabilities.CLIENT_CONNECT_WITH_DB;

    final Socket socket;
    final DataInputStream in;
    final OutputStream out;
    byte[] scramble;
    long connectionId;
    String serverVersion;

    RawClient(int port) throws IOException {
        socket = new Socket();
        // A small receive window makes a stalled reader visible to the server quickly.
        socket.setReceiveBufferSize(64 * 1024);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024));
        out = socket.getOutputStream();
    }

    /** Reads the HandshakeV10 and remembers its scramble. Returns the auth plugin it announced. */
    String readHandshake() throws IOException {
        Packet handshake = read();
        ByteBuffer buffer = ByteBuffer.wrap(handshake.payload()).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.get() != 10) {
            throw new IOException("not a HandshakeV10: " + handshake.text());
        }
        serverVersion = nulString(buffer);
        connectionId = buffer.getInt() & 0xFFFFFFFFL;
        byte[] part1 = new byte[8];
        buffer.get(part1);
        buffer.get();
        buffer.position(buffer.position() + 2 + 1 + 2 + 2 + 1 + 10);
        byte[] part2 = new byte[12];
        buffer.get(part2);
        buffer.get();
        scramble = new byte[20];
        System.arraycopy(part1, 0, scramble, 0, 8);
        System.arraycopy(part2, 0, scramble, 8, 12);
        return nulString(buffer);
    }

    /** Sends HandshakeResponse41 with {@code plugin} and its answer for {@code password}. */
    void sendResponse(int capabilities, String user, String password, String plugin, String database) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        writeIntLE(payload, capabilities);
        writeIntLE(payload, 16 * 1024 * 1024);
        payload.write(255);
        payload.write(new byte[23]);
        payload.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        payload.write(0);
        byte[] auth = switch (plugin) {
            case NativePassword.PLUGIN -> NativePassword.scramble(password, scramble);
            case CachingSha2Password.PLUGIN -> CachingSha2Password.scramble(password, scramble);
            default -> password.getBytes(StandardCharsets.UTF_8);
        };
        payload.write(auth.length);
        payload.writeBytes(auth);
        if (database != null) {
            payload.writeBytes(database.getBytes(StandardCharsets.UTF_8));
            payload.write(0);
        }
        payload.writeBytes(plugin.getBytes(StandardCharsets.UTF_8));
        payload.write(0);
        write(1, payload.toByteArray());
    }

    /** Handshake and mysql_native_password login; returns the final packet (OK or ERR). */
    Packet login(int capabilities, String password) throws IOException {
        readHandshake();
        sendResponse(capabilities, "root", password, NativePassword.PLUGIN, "test");
        return read();
    }

    void command(int command, byte[] argument) throws IOException {
        byte[] payload = new byte[argument.length + 1];
        payload[0] = (byte) command;
        System.arraycopy(argument, 0, payload, 1, argument.length);
        write(0, payload);
    }

    void query(String sql) throws IOException {
        command(0x03, sql.getBytes(StandardCharsets.UTF_8));
    }

    void write(int sequenceId, byte[] payload) throws IOException {
        byte[] header = {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), (byte) sequenceId};
        out.write(header);
        out.write(payload);
        out.flush();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Packet read() throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Packet(header[3] & 0xFF, payload);
    }

    /** True when the server closed the connection (EOF on read). */
    boolean closedByServer() throws IOException {
        try {
            int next = in.read();
            return next == -1;
        } catch (EOFException e) {
            return true;
        } catch (java.net.SocketException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    static byte[] lenencString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(new byte[] {(byte) bytes.length}, bytes.length + 1);
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    private static void writeIntLE(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >> 8);
        out.write(value >> 16);
        out.write(value >> 24);
    }

    private static String nulString(ByteBuffer buffer) {
        int start = buffer.position();
        while (buffer.get() != 0) {
            // scan to the NUL
        }
        return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
