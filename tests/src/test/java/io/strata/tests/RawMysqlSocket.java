package io.strata.tests;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A MySQL client connection at the byte level, to send what no driver would: packets are a 3-byte
 * little-endian length, a sequence id and the payload (MySQL client/server protocol, "MySQL Packets").
 */
final class RawMysqlSocket implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int MAX_DRAIN_BYTES = 1 << 20;
    private static final int CLIENT_LONG_PASSWORD = 1;
    private static final int CLIENT_PROTOCOL_41 = 0x200;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;
    private static final int CLIENT_PLUGIN_AUTH = 0x80000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private byte[] greeting;
    private int lastSequence;

    private RawMysqlSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and reads the server's initial handshake packet (protocol version 10). */
    static RawMysqlSocket connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), READ_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        RawMysqlSocket raw = new RawMysqlSocket(socket);
        raw.greeting = raw.readPacket();
        if (raw.greeting[0] != 10) {
            throw new IOException("not a protocol-10 greeting: first byte " + raw.greeting[0]);
        }
        return raw;
    }

    byte[] readPacket() throws IOException {
        int length = in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16;
        lastSequence = in.readUnsignedByte();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void writePacket(int sequence, byte[] payload) throws IOException {
        byte[] packet = new byte[payload.length + 4];
        packet[0] = (byte) payload.length;
        packet[1] = (byte) (payload.length >>> 8);
        packet[2] = (byte) (payload.length >>> 16);
        packet[3] = (byte) sequence;
        System.arraycopy(payload, 0, packet, 4, payload.length);
        writeRaw(packet);
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The auth plugin the greeting names ("" when it names none). */
    String greetingAuthPlugin() {
        int position = 1;
        while (greeting[position] != 0) {
            position++;
        }
        position += 1 + 4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10 + 12 + 1;
        if (position >= greeting.length) {
            return "";
        }
        int end = position;
        while (end < greeting.length && greeting[end] != 0) {
            end++;
        }
        return new String(greeting, position, end - position, StandardCharsets.US_ASCII);
    }

    /**
     * Logs in as {@code user} with the plugin the greeting names (mysql_native_password, or
     * caching_sha2_password's fast path), following one auth switch. Returns the server's last answer:
     * OK (first byte 0) on success; an error packet (0xff); or [0x01, 0x04] when caching_sha2_password
     * wants a full authentication, which this raw client does not do.
     */
    byte[] login(String user, String password) throws IOException {
        int position = 1;
        while (greeting[position] != 0) {
            position++;
        }
        position += 1 + 4;
        byte[] nonce = new byte[20];
        System.arraycopy(greeting, position, nonce, 0, 8);
        System.arraycopy(greeting, position + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10, nonce, 8, 12);
        String plugin = greetingAuthPlugin();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        int capabilities = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH;
        response.writeBytes(new byte[] {(byte) capabilities, (byte) (capabilities >>> 8), (byte) (capabilities >>> 16), 0});
        response.writeBytes(new byte[] {0, 0, 0, 1, 45});
        response.writeBytes(new byte[23]);
        response.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        response.write(0);
        byte[] token = token(plugin, password, nonce);
        response.write(token.length);
        response.writeBytes(token);
        response.writeBytes(plugin.getBytes(StandardCharsets.US_ASCII));
        response.write(0);
        writePacket(1, response.toByteArray());
        byte[] answer = readPacket();
        if (answer.length > 0 && answer[0] == (byte) 0xfe) {
            int end = 1;
            while (end < answer.length && answer[end] != 0) {
                end++;
            }
            String switchedPlugin = new String(answer, 1, end - 1, StandardCharsets.US_ASCII);
            byte[] switchedNonce = Arrays.copyOfRange(answer, end + 1, Math.min(answer.length, end + 21));
            writePacket(lastSequence + 1, token(switchedPlugin, password, switchedNonce));
            answer = readPacket();
        }
        if (answer.length == 2 && answer[0] == 1 && answer[1] == 3) {
            answer = readPacket();
        }
        return answer;
    }

    private static byte[] token(String plugin, String password, byte[] nonce) {
        return switch (plugin) {
            case "mysql_native_password" -> scramble("SHA-1", password, nonce, false);
            case "caching_sha2_password" -> scramble("SHA-256", password, nonce, true);
            default -> throw new IllegalStateException("raw login does not speak " + plugin);
        };
    }

    /**
     * mysql_native_password: SHA1(pw) XOR SHA1(nonce + SHA1(SHA1(pw))); caching_sha2_password:
     * SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + nonce).
     */
    private static byte[] scramble(String algorithm, String password, byte[] nonce, boolean nonceLast) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] stage1 = digest.digest(password.getBytes(StandardCharsets.UTF_8));
            byte[] stage2 = digest.digest(stage1);
            if (nonceLast) {
                digest.update(stage2);
                digest.update(nonce);
            } else {
                digest.update(nonce);
                digest.update(stage2);
            }
            byte[] token = digest.digest();
            for (int i = 0; i < token.length; i++) {
                token[i] ^= stage1[i];
            }
            return token;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * Reads whatever the server still sends until it closes the connection; returns those bytes, or
     * throws when the server keeps the connection open past the read timeout.
     */
    byte[] drainUntilClosed() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (received.size() < MAX_DRAIN_BYTES) {
                int read = in.read(buffer);
                if (read < 0) {
                    return received.toByteArray();
                }
                received.write(buffer, 0, read);
            }
            throw new IOException("the server sent more than " + MAX_DRAIN_BYTES + " bytes without closing");
        } catch (SocketException reset) {
            return received.toByteArray();
        } catch (SocketTimeoutException timeout) {
            throw new IOException("the server kept the connection open for " + READ_TIMEOUT_MS + " ms; received "
                    + Arrays.toString(Arrays.copyOf(received.toByteArray(), Math.min(received.size(), 64))), timeout);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
