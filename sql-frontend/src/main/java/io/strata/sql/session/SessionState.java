package io.strata.sql.session;

import io.strata.compute.expression.TimeZones;

import java.time.LocalDateTime;
import java.time.ZoneId;
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
    /** SHOW WARNINGS keeps this many of a statement's warnings (MySQL's max_error_count default); all are counted. */
    public static final int MAX_KEPT_WARNINGS = 1024;

    private final List<Warning> warnings = new ArrayList<>();
    private long warningsNotKept;
    private String database;
    private io.strata.common.session.ClientFiles clientFiles;
    private long lastInsertId;
    /** {@link #timeZone()} for the time_zone value it was read from, kept while the value stays. */
    private String timeZoneName;
    private ZoneId timeZone;

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

    /** The session's time zone (its time_zone; SYSTEM is the server's zone, the JVM's). */
    public ZoneId timeZone() {
        Object name = variables.get("time_zone");
        if (!(name instanceof String text)) {
            return ZoneId.systemDefault();
        }
        if (!text.equals(timeZoneName)) {
            ZoneId zone = TimeZones.parse(text, ZoneId.systemDefault());
            timeZone = zone == null ? ZoneId.systemDefault() : zone; // SET refuses unknown names
            timeZoneName = text;
        }
        return timeZone;
    }

    /** The current time in the session's time zone: a statement's NOW(). */
    public LocalDateTime now() {
        return LocalDateTime.now(timeZone());
    }

    public SystemVariables globals() { return globals; }

    public Map<String, Object> userVariables() { return userVariables; }

    /** The warnings kept for SHOW WARNINGS (at most {@link #MAX_KEPT_WARNINGS}). */
    public List<Warning> warnings() { return warnings; }

    /** Adds a warning of the running statement; beyond {@link #MAX_KEPT_WARNINGS} it is only counted. */
    public synchronized void warn(Warning warning) {
        if (warnings.size() < MAX_KEPT_WARNINGS) {
            warnings.add(warning);
        } else {
            warningsNotKept++;
        }
    }

    /** All warnings of the last statement, kept or not (@@warning_count). */
    public long warningCount() {
        return warnings.size() + warningsNotKept;
    }

    public void clearWarnings() {
        warnings.clear();
        warningsNotKept = 0;
    }

    /** The client's files for LOAD DATA LOCAL, or null when the client did not offer them. */
    public io.strata.common.session.ClientFiles clientFiles() { return clientFiles; }

    public void clientFiles(io.strata.common.session.ClientFiles files) { this.clientFiles = files; }

    /** Records a warning (level Warning) of the running statement; compute-nodes' warning sink. */
    public void addWarning(int code, String message) {
        warn(new Warning("Warning", code, message));
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
        clearWarnings();
        lastInsertId = 0;
    }
}
