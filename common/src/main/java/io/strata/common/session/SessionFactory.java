package io.strata.common.session;

import java.util.Optional;

/**
 * What the wire protocol needs from the rest of the server to accept a connection: the users'
 * passwords (to check a scramble) and a way to open a session once the client is authenticated.
 */
public interface SessionFactory {
    /** The server version announced in the handshake, e.g. {@code 8.0.30-Strata-0.1}. */
    String serverVersion();

    /** The clear-text password of {@code user}, or empty when there is no such user. */
    Optional<String> passwordOf(String user);

    /**
     * Opens a session for an authenticated user.
     *
     * @param database the schema named in the handshake, or null
     * @throws io.strata.common.error.StrataException ER_BAD_DB_ERROR when the database does not exist
     */
    Session open(String user, String database, long connectionId);
}
