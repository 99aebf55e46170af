package io.strata.sql.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a session remembers between statements, besides its transaction and prepared statements. */
public final class SessionState {
    /** A row of SHOW WARNINGS. */
    public record Warning(String level, int code, String message) {}

    private final long connectionId;
    private final String user;
    private final SystemVariables globals;
    private SystemVariables variables;
    private final Map<String, Object> userVariables = new HashMap<>();
    private final List<Warning> warnings = new ArrayList<>();
    private String database;
    private long lastInsertId;

    public SessionState(long connectionId, String user, String database, SystemVariables globals) {
        this.connectionId = connectionId;
        this.user = Objects.requireNonNull(user, "user");
        this.database = database;
        this.globals = Objects.requireNonNull(globals, "globals");
        this.variables = globals.sessionCopy();
    }

    public long connectionId() { return connectionId; }

    public String user() { return user; }

    /** The current database, or null. */
    public String database() { return database; }

    public void database(String database) { this.database = database; }

    public SystemVariables variables() { return variables; }

    public SystemVariables globals() { return globals; }

    public Map<String, Object> userVariables() { return userVariables; }

    public List<Warning> warnings() { return warnings; }

    /** MySQL's default max_error_count: warnings past it are counted by MySQL but not kept; here dropped. */
    private static final int MAX_WARNINGS = 1024;

    /** Records a warning of the current statement (level Warning), up to {@value #MAX_WARNINGS}. */
    public void addWarning(int code, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new Warning("Warning", code, message));
        }
    }

    public long lastInsertId() { return lastInsertId; }

    public void lastInsertId(long id) {
        this.lastInsertId = id;
        variables.set("last_insert_id", id);
    }

    /** COM_RESET_CONNECTION: variables back to the server's, user variables and warnings cleared. */
    public void reset() {
        variables = globals.sessionCopy();
        userVariables.clear();
        warnings.clear();
        lastInsertId = 0;
    }
}
