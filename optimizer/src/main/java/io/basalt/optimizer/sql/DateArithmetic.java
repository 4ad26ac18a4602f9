package io.basalt.optimizer.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.List;

/**
 * PostgreSQL's date arithmetic that Calcite's {@code +} and {@code -} reject: {@code date - date} (whole days, an
 * INTEGER) and {@code date ± integer} (a DATE, days later or earlier). {@link BasaltOperatorTable} answers these
 * operators for every binary plus and minus: Calcite's own, plus the date forms. Their conversion to row expressions
 * is Calcite's for everything else, and for the date forms a plain {@code PLUS}/{@code MINUS} call of the result
 * type, which the planner turns into the executor's {@code DAYS_BETWEEN} and {@code ADD_DAYS}.
 */
final class DateArithmetic {

    static final SqlMonotonicBinaryOperator MINUS = new SqlMonotonicBinaryOperator("-", SqlKind.MINUS, 40, true,
            binding -> returnType(binding, SqlStdOperatorTable.MINUS), SqlStdOperatorTable.MINUS.getOperandTypeInference(),
            OperandTypes.or(SqlStdOperatorTable.MINUS.getOperandTypeChecker(),
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE),
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER)));

    static final SqlMonotonicBinaryOperator PLUS = new SqlMonotonicBinaryOperator("+", SqlKind.PLUS, 40, true,
            binding -> returnType(binding, SqlStdOperatorTable.PLUS), SqlStdOperatorTable.PLUS.getOperandTypeInference(),
            OperandTypes.or(SqlStdOperatorTable.PLUS.getOperandTypeChecker(),
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.DATE)));

    /** Calcite's conversions, with these operators'. */
    static final SqlRexConvertletTable CONVERTLETS = call -> call.getOperator() == MINUS || call.getOperator() == PLUS
            ? (SqlRexConvertlet) DateArithmetic::convert : StandardConvertletTable.INSTANCE.get(call);

    private DateArithmetic() {
    }

    /** Calcite's operator that this one extends. */
    private static SqlBinaryOperator standard(SqlCall call) {
        return call.getOperator() == MINUS ? SqlStdOperatorTable.MINUS : SqlStdOperatorTable.PLUS;
    }

    private static RelDataType returnType(SqlOperatorBinding binding, SqlBinaryOperator standard) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        if (!isDateForm(left, right)) {
            return standard.inferReturnType(binding);
        }
        RelDataTypeFactory types = binding.getTypeFactory();
        SqlTypeName result = isDate(left) && isDate(right) ? SqlTypeName.INTEGER : SqlTypeName.DATE;
        return types.createTypeWithNullability(types.createSqlType(result), left.isNullable() || right.isNullable());
    }

    private static boolean isDate(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DATE;
    }

    /** DATE and DATE, or DATE and an integer (in either order; validation allowed only the operator's forms). */
    private static boolean isDateForm(RelDataType left, RelDataType right) {
        return (isDate(left) && (isDate(right) || SqlTypeUtil.isIntType(right))) || (SqlTypeUtil.isIntType(left) && isDate(right));
    }

    private static RexNode convert(SqlRexContext context, SqlCall call) {
        RelDataType type = context.getValidator().getValidatedNodeType(call);
        RexNode left = context.convertExpression(call.operand(0));
        RexNode right = context.convertExpression(call.operand(1));
        SqlBinaryOperator standard = standard(call);
        if (isDateForm(left.getType(), right.getType())) {
            return context.getRexBuilder().makeCall(type, standard, List.of(left, right));
        }
        SqlCall standardCall = standard.createCall(call.getParserPosition(), call.getOperandList());
        context.getValidator().setValidatedNodeType(standardCall, type);
        return StandardConvertletTable.INSTANCE.convertCall(context, standardCall);
    }
}
