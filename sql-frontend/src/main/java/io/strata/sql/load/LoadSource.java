package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ClientFiles;
import io.strata.sql.session.SystemVariables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a LOAD DATA reads its file: from the client (LOCAL), when both the client (CLIENT_LOCAL_FILES) and
 * the server ({@code local_infile}) allow it, else error 3948; or from the server's disk, only under the
 * directory {@code secure_file_priv} names (unset: no server file may be read, error 1290, as MySQL does
 * when the option is NULL). Relative names are taken from that directory.
 */
final class LoadSource {
    static final String LOCAL_INFILE = "local_infile";
    static final String SECURE_FILE_PRIV = "secure_file_priv";

    private LoadSource() {}

    /** Fails with 3948 unless a LOCAL file may be requested; call before anything is asked of the client. */
    static ClientFiles checkLocalAllowed(ClientFiles clientFiles, SystemVariables globals) {
        if (clientFiles == null || !globals.flag(LOCAL_INFILE)) {
            throw StrataException.of(ErrorCode.ER_CLIENT_LOCAL_FILES_DISABLED,
                    "Loading local data is disabled; this must be enabled on both the client and server sides");
        }
        return clientFiles;
    }

    /** Opens a server-side file under secure_file_priv. */
    static InputStream openServerFile(String fileName, SystemVariables globals) {
        if (!globals.exists(SECURE_FILE_PRIV) || !(globals.get(SECURE_FILE_PRIV) instanceof String directory)) {
            throw securePrivRefusal();
        }
        try {
            Path root = Path.of(directory).toRealPath();
            Path file = root.resolve(fileName).normalize();
            Path real;
            try {
                real = file.toRealPath();
            } catch (NoSuchFileException e) {
                if (!file.startsWith(root)) {
                    throw securePrivRefusal(); // say nothing about files outside the directory
                }
                throw StrataException.of(ErrorCode.ER_FILE_NOT_FOUND,
                        "File '%s' not found (OS errno 2 - No such file or directory)", file);
            }
            if (!real.startsWith(root)) {
                throw securePrivRefusal();
            }
            if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
                throw StrataException.of(ErrorCode.ER_TEXTFILE_NOT_READABLE,
                        "The file '%s' must be in the database directory or be readable by all", real);
            }
            return Files.newInputStream(real);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_TEXTFILE_NOT_READABLE,
                    "Cannot read the LOAD DATA file '" + fileName + "': " + e.getMessage(), e);
        }
    }

    private static StrataException securePrivRefusal() {
        return StrataException.of(ErrorCode.ER_OPTION_PREVENTS_STATEMENT,
                "The MySQL server is running with the --secure-file-priv option so it cannot execute this statement");
    }
}
