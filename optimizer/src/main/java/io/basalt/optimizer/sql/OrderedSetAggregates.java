package io.basalt.optimizer.sql;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Optionality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL's ordered-set aggregates, {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)},
 * {@code percentile_disc(f) …} and {@code mode() WITHIN GROUP (ORDER BY x)}, with PostgreSQL's types and checks.
 * Calcite types its own percentiles by the ORDER BY column through a binding only WITHIN GROUP provides (so MODE and
 * any FILTER fail inside Calcite), makes PERCENTILE_CONT of the column's type (PostgreSQL: DOUBLE) and rejects a
 * fraction outside [0, 1] as a validation error (PostgreSQL: 22003 when the query runs). So the call is rewritten
 * to take the ordered value as its last argument too, {@code PERCENTILE_CONT(f, x) WITHIN GROUP (ORDER BY x)},
 * which Calcite types like any function; the planner reads the value from the ORDER BY key.
 */
final class OrderedSetAggregates extends SqlShuttle {

    static final SqlAggFunction PERCENTILE_CONT = orderedSet("PERCENTILE_CONT", ReturnTypes.DOUBLE,
            OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC));
    static final SqlAggFunction PERCENTILE_DISC = orderedSet("PERCENTILE_DISC", ReturnTypes.ARG1,
            OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.ANY));
    static final SqlAggFunction MODE = orderedSet("MODE", ReturnTypes.ARG0, OperandTypes.ANY);

    /** By the names the parser or a lookup gives them (upper case). */
    private static final Map<String, SqlAggFunction> BY_NAME = Map.of(
            "PERCENTILE_CONT", PERCENTILE_CONT, "PERCENTILE_DISC", PERCENTILE_DISC, "MODE", MODE);

    /** Calcite's operators these replace wherever a lookup finds them. */
    static final Map<SqlOperator, SqlOperator> REPLACED = Map.of(
            SqlStdOperatorTable.PERCENTILE_CONT, PERCENTILE_CONT,
            SqlStdOperatorTable.PERCENTILE_DISC, PERCENTILE_DISC,
            SqlStdOperatorTable.MODE, MODE);

    private OrderedSetAggregates() {
    }

    private static SqlAggFunction orderedSet(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
        return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, type.andThen(SqlTypeTransforms.FORCE_NULLABLE),
                        operands)
                .withFunctionType(SqlFunctionCategory.SYSTEM)
                .withGroupOrder(Optionality.MANDATORY);
    }

    static SqlNode rewrite(SqlNode query) {
        return query.accept(new OrderedSetAggregates());
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited.getKind() != SqlKind.WITHIN_GROUP) {
            return visited;
        }
        SqlCall aggregate = visited.operand(0);
        SqlNodeList order = visited.operand(1);
        SqlAggFunction replacement = aggregate.getOperator() instanceof SqlFunction
                ? BY_NAME.get(aggregate.getOperator().getName().toUpperCase(Locale.ROOT)) : null;
        if (replacement == null || order.size() != 1) {
            return visited;
        }
        List<SqlNode> operands = new ArrayList<>(aggregate.getOperandList());
        operands.add(orderedValue(order.get(0)));
        SqlCall rewritten = replacement.createCall(aggregate.getFunctionQuantifier(), aggregate.getParserPosition(),
                operands);
        return SqlStdOperatorTable.WITHIN_GROUP.createCall(visited.getParserPosition(), rewritten, order);
    }

    /** The expression of an ORDER BY item, without DESC and NULLS FIRST/LAST. */
    private static SqlNode orderedValue(SqlNode item) {
        SqlNode value = item;
        while (value instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
                || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
            value = call.operand(0);
        }
        return value;
    }
}
