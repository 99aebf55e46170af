package io.strata.common.session;

import java.util.List;

/** What COM_STMT_PREPARE answers: the statement id, the parameters' and the result's columns. */
public record PreparedStatementInfo(int statementId, List<ResultColumn> parameters, List<ResultColumn> columns) {
    public PreparedStatementInfo {
        if (statementId <= 0) {
            throw new IllegalArgumentException("statement id must be positive: " + statementId);
        }
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }
}
