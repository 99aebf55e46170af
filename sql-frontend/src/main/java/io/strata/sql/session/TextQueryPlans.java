package io.strata.sql.session;

import io.strata.sql.parser.SqlDeepCopy;
import io.strata.sql.parser.ast.ParserValues;
import io.strata.sql.plan.PlannedQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans of text queries kept by shape, so that clients sending literals inline (most MySQL drivers'
 * default) skip Calcite's planning, as prepared statements do: integer and string literals compared with
 * a column in the WHERE clause ({@code id = 5}, {@code name = 'x'}, {@code k BETWEEN 1 AND 9}, under AND,
 * OR and NOT) become parameters; the statement text with those literals replaced by {@code ?} (and the
 * current database) names the plan. A value is bound only where it converts exactly: an integer where the
 * parameter is an integer type and the value in its range, a string where it is a VARCHAR long enough;
 * any other shape or value is planned as written, and a shape whose parameters are of other types (or
 * that fails to plan with parameters) is not tried again. Plans are per session, at most {@value #MAX_PLANS}, dropped after any DDL.
 */
final class TextQueryPlans {
    static final int MAX_PLANS = 256;

    /** A query with its liftable literals found: the parsed query, the plan's name and the values in order. */
    record Lifted(SqlNode query, String key, List<Object> values) {
        /** A copy of the query with the lifted literals as parameters: what a first sight of the shape plans. */
        SqlNode parameterized() {
            SqlNode copy = SqlDeepCopy.of(query);
            liftIn(where(copy), new ArrayList<>(), new ArrayList<>(), true);
            return copy;
        }
    }

    private record Kept(PlannedQuery plan, long ddlEpoch) {} // plan null: the shape does not bind exactly

    private final Map<String, Kept> plans = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_PLANS;
        }
    };

    /** {@code query} (a parsed SELECT) with its liftable literals found, or null if it has none. */
    static Lifted lift(SqlNode query, SqlText text, String database) {
        if (text.contains('?')) {
            return null; // its own parameters: not a text query this cache knows how to name
        }
        SqlNode where = where(query);
        if (where == null) {
            return null;
        }
        List<SqlParserPos> positions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        liftIn(where, positions, values, false);
        if (values.isEmpty()) {
            return null;
        }
        String key = text.replace(positions, "?");
        return key == null ? null : new Lifted(query, (database == null ? "" : database) + "\u0000" + key, values);
    }

    /** The WHERE clause of a SELECT (also under ORDER BY / LIMIT), or null. */
    private static SqlNode where(SqlNode query) {
        SqlSelect select = query instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect inner ? inner
                : query instanceof SqlSelect plain ? plain : null;
        return select == null ? null : select.getWhere();
    }

    /** Finds the liftable literals under {@code node} in a fixed order; with {@code replace}, puts parameters in their place. */
    private static void liftIn(SqlNode node, List<SqlParserPos> positions, List<Object> values, boolean replace) {
        if (!(node instanceof SqlBasicCall call)) {
            return;
        }
        switch (call.getKind()) {
            case AND, OR, NOT -> call.getOperandList().forEach(operand -> liftIn(operand, positions, values, replace));
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                if (call.operand(0) instanceof SqlIdentifier) {
                    liftOperand(call, 1, positions, values, replace);
                } else if (call.operand(1) instanceof SqlIdentifier) {
                    liftOperand(call, 0, positions, values, replace);
                }
            }
            case BETWEEN -> {
                if (call.operandCount() == 3 && call.operand(0) instanceof SqlIdentifier) {
                    liftOperand(call, 1, positions, values, replace);
                    liftOperand(call, 2, positions, values, replace);
                }
            }
            default -> { }
        }
    }

    private static void liftOperand(SqlBasicCall call, int index, List<SqlParserPos> positions, List<Object> values,
                                    boolean replace) {
        Object value = liftableValue(call.operand(index));
        if (value != null) {
            SqlParserPos pos = call.operand(index).getParserPosition();
            if (replace) {
                call.setOperand(index, new SqlDynamicParam(values.size(), pos));
            }
            positions.add(pos);
            values.add(value);
        }
    }

    /** A Long for an exact integer literal, the text of a plain string literal; null for anything else. */
    private static Object liftableValue(SqlNode node) {
        if (node instanceof SqlNumericLiteral number && number.isExact() && number.getScale() != null && number.getScale() == 0) {
            try {
                return number.getValueAs(BigDecimal.class).longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (node instanceof SqlCharStringLiteral string && string.getNlsString().getCharsetName() == null
                && string.getNlsString().getCollation() == null) {
            return ParserValues.string(string);
        }
        return null;
    }

    /** The kept plan for {@code lifted} if its values bind exactly, planning the shape when first seen; else null. */
    PlannedQuery plan(Lifted lifted, long ddlEpoch, java.util.function.Function<Lifted, PlannedQuery> planner) {
        Kept entry = plans.get(lifted.key());
        if (entry == null || entry.ddlEpoch() != ddlEpoch) {
            PlannedQuery planned;
            try {
                planned = planner.apply(lifted);
            } catch (RuntimeException e) {
                // Planned as written instead, which gives the statement's own error if it has one.
                plans.put(lifted.key(), new Kept(null, ddlEpoch));
                return null;
            }
            boolean keep = !planned.sessionDependent() && bindsExactly(planned.parameterRowType(), lifted.values());
            entry = new Kept(keep ? planned : null, ddlEpoch);
            plans.put(lifted.key(), entry);
            return entry.plan();
        }
        return entry.plan() != null && bindsExactly(entry.plan().parameterRowType(), lifted.values()) ? entry.plan() : null;
    }

    private static boolean bindsExactly(RelDataType parameters, List<Object> values) {
        List<RelDataTypeField> fields = parameters.getFieldList();
        if (fields.size() != values.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!bindsExactly(fields.get(i).getType(), values.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean bindsExactly(RelDataType type, Object value) {
        SqlTypeName name = type.getSqlTypeName();
        if (value instanceof Long number) {
            return switch (name) {
                case TINYINT -> number >= Byte.MIN_VALUE && number <= Byte.MAX_VALUE;
                case SMALLINT -> number >= Short.MIN_VALUE && number <= Short.MAX_VALUE;
                case INTEGER -> number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
                case BIGINT -> true;
                default -> false;
            };
        }
        if (value instanceof String text && name == SqlTypeName.VARCHAR) {
            return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                    || text.codePointCount(0, text.length()) <= type.getPrecision();
        }
        return false;
    }
}
