package io.strata.sql.session;

import io.strata.sql.parser.ast.SqlSetVariables;
import io.strata.sql.parser.ast.VariableAssignment;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.Optional;
import java.util.function.Function;

/** SET: assigns system (session or global) and user variables. */
final class SetStatement {
    private SetStatement() {}

    /**
     * @param evaluator computes an expression value that is not a plain literal (by a one-row query)
     */
    static void execute(SqlSetVariables set, SessionState state, Function<SqlNode, Object> evaluator) {
        for (VariableAssignment assignment : set.assignments()) {
            SqlNode node = assignment.value();
            boolean isDefault = node instanceof SqlIdentifier id && id.isSimple() && id.getSimple().equalsIgnoreCase("DEFAULT");
            switch (assignment.scope()) {
                case USER -> state.userVariables().put(assignment.name(), isDefault ? null : value(node, evaluator));
                case SESSION -> state.variables().set(assignment.name(),
                        isDefault ? state.globals().get(assignment.name()) : value(node, evaluator));
                case GLOBAL -> {
                    Object value = isDefault ? state.globals().get(assignment.name()) : value(node, evaluator);
                    state.globals().set(assignment.name(), value);
                }
            }
        }
    }

    private static Object value(SqlNode node, Function<SqlNode, Object> evaluator) {
        Optional<Object> simple = SqlValues.setValue(node);
        return simple.isPresent() ? SqlValues.unwrap(simple.get()) : evaluator.apply(node);
    }
}
