package io.strata.common.session;

import java.io.InputStream;

/**
 * Files the client sends on request: the protocol's side of LOAD DATA LOCAL INFILE (the server names a
 * file, the client streams its content in packets and ends with an empty one). Offered to a session only
 * when the client announced CLIENT_LOCAL_FILES. Used by the session's statement thread.
 */
public interface ClientFiles {
    /**
     * Asks the client for {@code fileName} and returns its content as it arrives. The caller must close the
     * stream before it answers the statement: closing reads and drops what the client still sends. A client
     * that cannot read the file sends nothing (an empty stream) and reports the error itself.
     */
    InputStream open(String fileName);
}
