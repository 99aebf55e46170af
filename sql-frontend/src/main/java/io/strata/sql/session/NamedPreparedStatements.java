package io.strata.sql.session;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import io.strata.sql.parser.ast.SqlPreparedStatementCommand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MySQL's SQL-level prepared statements (PREPARE, EXECUTE ... USING, DEALLOCATE PREPARE): each name
 * stands for one of the session's prepared statements, the same ones the binary protocol prepares, so
 * they keep their plans alike. Parameters come from user variables. Preparing a taken name first drops
 * the statement it held, as MySQL does, even when the new text fails to prepare.
 */
final class NamedPreparedStatements {
    private final Map<String, Named> byName = new HashMap<>();

    private record Named(int id, int parameterCount) {}

    StatementResult run(SqlPreparedStatementCommand command, Session session, SessionState state) {
        return switch (command.kind()) {
            case PREPARE -> prepare(command, session, state);
            case EXECUTE -> execute(command, session, state);
            case DEALLOCATE -> deallocate(command, session);
        };
    }

    private StatementResult prepare(SqlPreparedStatementCommand command, Session session, SessionState state) {
        Named previous = byName.remove(command.name());
        if (previous != null) {
            session.closePrepared(previous.id());
        }
        String text = command.fromVariable() ? variableText(state, command.source()) : command.source();
        var info = session.prepare(text);
        byName.put(command.name(), new Named(info.statementId(), info.parameters().size()));
        return new StatementResult.Ok(0, 0, 0, "Statement prepared");
    }

    /** PREPARE ... FROM @v: the variable's value as text; NULL (or never set) is a syntax error, as in MySQL. */
    private static String variableText(SessionState state, String variable) {
        Object value = state.userVariables().get(variable);
        if (value == null) {
            throw StrataException.of(ErrorCode.ER_PARSE_ERROR, "You have an error in your SQL syntax; check the manual "
                    + "that corresponds to your MySQL server version for the right syntax to use near 'NULL' at line 1");
        }
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }

    private StatementResult execute(SqlPreparedStatementCommand command, Session session, SessionState state) {
        Named statement = named(command.name(), "EXECUTE");
        if (command.variables().size() != statement.parameterCount()) {
            throw StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS, "Incorrect arguments to EXECUTE");
        }
        List<Object> parameters = new ArrayList<>(command.variables().size());
        for (String variable : command.variables()) {
            parameters.add(state.userVariables().get(variable)); // never set: NULL
        }
        return session.executePrepared(statement.id(), parameters);
    }

    private StatementResult deallocate(SqlPreparedStatementCommand command, Session session) {
        Named statement = named(command.name(), "DEALLOCATE PREPARE");
        byName.remove(command.name());
        session.closePrepared(statement.id());
        return StatementResult.Ok.of(0);
    }

    private Named named(String name, String command) {
        Named statement = byName.get(name);
        if (statement == null) {
            throw StrataException.of(ErrorCode.ER_UNKNOWN_STMT_HANDLER,
                    "Unknown prepared statement handler (%s) given to %s", name, command);
        }
        return statement;
    }

    /** COM_RESET_CONNECTION and closing: the statements themselves go with the session's others. */
    void clear() {
        byName.clear();
    }
}
