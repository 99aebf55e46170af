package io.strata.sql.session;

import io.strata.sql.parser.ast.ParserValues;
import io.strata.sql.parser.ast.VariableRefs;
import io.strata.sql.plan.MysqlOperators;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds what a statement takes from its session before validation: {@code @@variables},
 * {@code @user} variables and session functions (USER(), DATABASE(), VERSION(), CONNECTION_ID(),
 * LAST_INSERT_ID()) become literals; NOW()/CURDATE() become CURRENT_TIMESTAMP/CURRENT_DATE; {@code /}
 * becomes MySQL's decimal division. Unaliased computed select items are named after their SQL text,
 * as MySQL names them ({@code SELECT @@version_comment} gives a column {@code @@version_comment}), and
 * {@code FROM DUAL} is dropped. HAVING without GROUP BY filters rows ({@link HavingWithoutGroupBy}).
 */
public final class SessionBinder extends SqlShuttle {
    private final SessionState state;
    private final SqlText text;
    private boolean sessionValuesUsed;

    public SessionBinder(SessionState state, SqlText text) {
        this.state = state;
        this.text = text;
    }

    /** Whether a variable or session function was replaced by its current value. */
    public boolean sessionValuesUsed() {
        return sessionValuesUsed;
    }

    public SqlNode bind(SqlNode node) {
        return node == null ? null : node.accept(this);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
            nameSelectItems(select);
            HavingWithoutGroupBy.rewrite(select);
            if (select.getFrom() instanceof SqlIdentifier from && from.isSimple() && from.getSimple().equalsIgnoreCase("DUAL")) {
                select.setFrom(null); // MySQL's FROM DUAL is a query without FROM
            }
        }
        SqlParserPos pos = call.getParserPosition();
        if (call.getOperator() == VariableRefs.SYSTEM_VARIABLE || call.getOperator() == VariableRefs.GLOBAL_VARIABLE) {
            String name = ParserValues.string(call.operand(0));
            sessionValuesUsed = true;
            SystemVariables variables = call.getOperator() == VariableRefs.GLOBAL_VARIABLE
                    ? state.globals() : state.variables();
            return SqlValues.literal(variables.get(name), pos);
        }
        if (call.getOperator() == VariableRefs.USER_VARIABLE) {
            sessionValuesUsed = true;
            return SqlValues.literal(state.userVariables().get(ParserValues.string(call.operand(0))), pos);
        }
        SqlNode session = sessionFunction(call, pos);
        if (session != null) {
            return session;
        }
        if (call.getOperator() == SqlStdOperatorTable.DIVIDE) {
            return MysqlOperators.DIVIDE.createCall(pos, bind(call.operand(0)), bind(call.operand(1)));
        }
        return super.visit(call);
    }

    private SqlNode sessionFunction(SqlCall call, SqlParserPos pos) {
        if (!(call instanceof SqlBasicCall) || call.getKind() != SqlKind.OTHER_FUNCTION) {
            return null;
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (call.operandCount() == 1 && call.operand(0) instanceof SqlLiteral digits) {
            // NOW(fsp) and its synonyms: the fractional digits MySQL shows (0 to 6)
            return switch (name) {
                case "NOW", "SYSDATE", "LOCALTIME", "LOCALTIMESTAMP" -> SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(pos, digits);
                case "CURTIME" -> SqlStdOperatorTable.CURRENT_TIME.createCall(pos, digits);
                default -> null;
            };
        }
        if (!call.getOperandList().isEmpty()) {
            return null;
        }
        sessionValuesUsed |= !name.equals("NOW") && !name.equals("CURDATE") && !name.equals("SYSDATE");
        return switch (name) {
            case "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER" -> SqlValues.literal(state.user() + "@localhost", pos);
            case "DATABASE", "SCHEMA" -> SqlValues.literal(state.database(), pos);
            case "VERSION" -> SqlValues.literal(state.variables().get("version"), pos);
            case "CONNECTION_ID" -> SqlValues.literal(state.connectionId(), pos);
            case "LAST_INSERT_ID" -> SqlValues.literal(state.lastInsertId(), pos);
            case "NOW", "SYSDATE", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_TIMESTAMP" ->
                    SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(pos);
            case "CURDATE", "CURRENT_DATE" -> SqlStdOperatorTable.CURRENT_DATE.createCall(pos);
            default -> null;
        };
    }

    private void nameSelectItems(SqlSelect select) {
        SqlNodeList items = select.getSelectList();
        if (items == null) {
            return;
        }
        List<SqlNode> named = new ArrayList<>(items.size());
        boolean changed = false;
        for (SqlNode item : items) {
            if (item instanceof SqlIdentifier || item.getKind() == SqlKind.AS) {
                named.add(item);
                continue;
            }
            String name = columnName(item);
            if (name == null) {
                named.add(item);
                continue;
            }
            named.add(SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item,
                    new SqlIdentifier(name, SqlParserPos.ZERO)));
            changed = true;
        }
        if (changed) {
            select.setSelectList(new SqlNodeList(named, items.getParserPosition()));
        }
    }

    /** MySQL names a string literal's column after its value ({@code SELECT "abc"} gives {@code abc}), others after their text. */
    private String columnName(SqlNode item) {
        if (item instanceof SqlCharStringLiteral literal) {
            String value = literal.getValueAs(String.class);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return text.slice(item.getParserPosition());
    }
}
