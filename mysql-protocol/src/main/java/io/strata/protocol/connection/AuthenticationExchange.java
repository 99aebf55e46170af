package io.strata.protocol.connection;

import io.netty.buffer.ByteBuf;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.SessionFactory;
import io.strata.protocol.auth.CachingSha2Password;
import io.strata.protocol.auth.FastAuthCache;
import io.strata.protocol.auth.NativePassword;
import io.strata.protocol.auth.RsaPasswordDecryptor;
import io.strata.protocol.auth.TlsMaterial;
import io.strata.protocol.codec.Capabilities;
import io.strata.protocol.codec.LengthEncoded;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.handshake.HandshakeResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * One connection's authentication after the handshake: mysql_native_password or
 * caching_sha2_password as the client chose, an AuthSwitchRequest to caching_sha2_password for any
 * other plugin (or to mysql_native_password when the client names it without data), and caching_sha2_password's full authentication (clear text over TLS, RSA without)
 * for users not in the fast-auth cache, as MySQL 8 does after a restart. A failure throws
 * ER_ACCESS_DENIED; the caller answers it and closes the connection.
 */
final class AuthenticationExchange {
    /**
     * Set to true to let a correct caching_sha2 scramble in without full authentication even the
     * first time (friendlier to clients that cannot do the RSA exchange; less like MySQL).
     */
    static final boolean TRUST_SCRAMBLE = Boolean.getBoolean("strata.protocol.trust-scramble");
    private static final int AUTH_MORE_DATA = 0x01;
    private static final int AUTH_SWITCH_REQUEST = 0xFE;

    private enum Stage { RESPONSE, SWITCHED, FULL_AUTHENTICATION, DONE }

    private final SessionFactory sessions;
    private final TlsMaterial tls;
    private final FastAuthCache cache;
    private final byte[] scramble;
    private final String host;
    private Stage stage = Stage.RESPONSE;
    private HandshakeResponse response;
    private String password;
    private boolean sentPassword;
    private String switchedPlugin;

    AuthenticationExchange(SessionFactory sessions, TlsMaterial tls, FastAuthCache cache, byte[] scramble, String host) {
        this.sessions = sessions;
        this.tls = tls;
        this.cache = cache;
        this.scramble = scramble;
        this.host = host;
    }

    HandshakeResponse response() {
        return response;
    }

    /** Handles the HandshakeResponse41; true when the client is authenticated. */
    boolean onResponse(HandshakeResponse handshake, PacketWriter out) {
        if (stage != Stage.RESPONSE) {
            throw new IllegalStateException("handshake response in stage " + stage);
        }
        response = handshake;
        sentPassword = handshake.authResponse().length > 0 && !(handshake.authResponse().length == 1 && handshake.authResponse()[0] == 0);
        Optional<String> known = sessions.passwordOf(handshake.user());
        if (known.isEmpty()) {
            throw denied();
        }
        password = known.get();
        String plugin = handshake.authPlugin();
        if (plugin.isEmpty() && !Capabilities.has(handshake.capabilities(), Capabilities.CLIENT_PLUGIN_AUTH)) {
            plugin = NativePassword.PLUGIN;
        }
        if (plugin.equals(NativePassword.PLUGIN)) {
            if (!sentPassword && !password.isEmpty()) {
                // libmariadb with --default-auth=mysql_native_password sends no data for a plugin the
                // server did not announce and waits for an AuthSwitchRequest to it.
                return switchTo(NativePassword.PLUGIN, out);
            }
            return finish(NativePassword.matches(password, scramble, handshake.authResponse()));
        }
        if (plugin.equals(CachingSha2Password.PLUGIN)) {
            return checkSha2Scramble(handshake.authResponse(), out);
        }
        return switchTo(CachingSha2Password.PLUGIN, out);
    }

    private boolean switchTo(String plugin, PacketWriter out) {
        ByteBuf packet = out.begin();
        packet.writeByte(AUTH_SWITCH_REQUEST);
        LengthEncoded.writeNulString(packet, plugin);
        packet.writeBytes(scramble).writeByte(0);
        out.end();
        out.flush();
        switchedPlugin = plugin;
        stage = Stage.SWITCHED;
        return false;
    }

    /** Handles a later packet of the exchange; true when the client is authenticated. */
    boolean onMoreData(byte[] payload, boolean overTls, PacketWriter out) {
        return switch (stage) {
            case SWITCHED -> {
                sentPassword = payload.length > 0;
                yield switchedPlugin.equals(NativePassword.PLUGIN)
                        ? finish(NativePassword.matches(password, scramble, payload))
                        : checkSha2Scramble(payload, out);
            }
            case FULL_AUTHENTICATION -> fullAuthentication(payload, overTls, out);
            default -> throw new IllegalStateException("authentication data in stage " + stage);
        };
    }

    private boolean checkSha2Scramble(byte[] data, PacketWriter out) {
        if (data.length == 1 && data[0] == 0) {
            // Some clients (Connector/J) send a lone NUL for an empty password.
            data = new byte[0];
            sentPassword = false;
        }
        if (password.isEmpty() || data.length == 0) {
            return finish(password.isEmpty() && data.length == 0);
        }
        if (!CachingSha2Password.matches(password, scramble, data)) {
            throw denied();
        }
        if (TRUST_SCRAMBLE || cache.contains(response.user(), password)) {
            moreData(out, new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS});
            return finish(true);
        }
        moreData(out, new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION});
        out.flush();
        stage = Stage.FULL_AUTHENTICATION;
        return false;
    }

    private boolean fullAuthentication(byte[] payload, boolean overTls, PacketWriter out) {
        String clearText;
        if (overTls) {
            int length = payload.length > 0 && payload[payload.length - 1] == 0 ? payload.length - 1 : payload.length;
            clearText = new String(payload, 0, length, StandardCharsets.UTF_8);
        } else if (payload.length == 1 && payload[0] == CachingSha2Password.REQUEST_PUBLIC_KEY) {
            moreData(out, tls.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return false;
        } else {
            clearText = RsaPasswordDecryptor.decrypt(tls.privateKey(), scramble, payload).orElseThrow(this::denied);
        }
        boolean matches = MessageDigest.isEqual(clearText.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        if (matches) {
            cache.add(response.user(), password);
        }
        return finish(matches);
    }

    private boolean finish(boolean matches) {
        if (!matches) {
            throw denied();
        }
        stage = Stage.DONE;
        return true;
    }

    private static void moreData(PacketWriter out, byte[] data) {
        out.begin().writeByte(AUTH_MORE_DATA).writeBytes(data);
        out.end();
    }

    private StrataException denied() {
        String user = response == null ? "" : response.user();
        return StrataException.of(ErrorCode.ER_ACCESS_DENIED, "Access denied for user '%s'@'%s' (using password: %s)",
                user, host, sentPassword ? "YES" : "NO");
    }
}
