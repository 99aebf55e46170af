package io.strata.protocol.command;

import io.netty.buffer.ByteBuf;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.StatementResult;
import io.strata.common.session.StatementResults;
import io.strata.protocol.codec.ServerStatus;

import java.nio.charset.StandardCharsets;

/**
 * COM_QUERY: runs the statements of the text one by one and answers each with an OK or a text
 * result set; every answer but the last carries SERVER_MORE_RESULTS_EXISTS. A failing statement
 * is answered with an ERR (thrown to the dispatcher) and ends the command.
 */
public final class QueryCommand {
    private QueryCommand() {}

    public static void execute(CommandContext context, ByteBuf in) {
        String sql = in.toString(StandardCharsets.UTF_8);
        try (StatementResults results = context.session().execute(sql, context.multiStatements())) {
            if (!results.hasNext()) {
                throw new StrataException(ErrorCode.ER_EMPTY_QUERY, "Query was empty");
            }
            while (results.hasNext()) {
                try (StatementResult result = results.next()) {
                    boolean more = results.hasNext();
                    if (more && !context.multiResults()) {
                        throw new StrataException(ErrorCode.ER_NOT_SUPPORTED_YET,
                                "This version of MySQL doesn't yet support 'multiple results without CLIENT_MULTI_RESULTS'");
                    }
                    ResultSetWriter.write(context, result, false, more ? ServerStatus.MORE_RESULTS_EXISTS : 0);
                }
            }
        }
    }
}
